/**
 * Fixed defaults of the open-data catalogue (not configurable at run time: change them here). The licence is the
 * one the figures are offered under; the publisher is the program's national coordination (SPEC §1).
 */
export const OPEN_DATA_LICENSE = {
  url: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Atribución 4.0 Internacional (CC BY 4.0)',
} as const;

export const OPEN_DATA_PUBLISHER = 'Coordinación nacional del programa de implementación';

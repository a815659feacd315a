import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { CloseReviewRoundDto } from './dto/close-review-round.dto.js';
import { CreateFindingDto } from './dto/create-finding.dto.js';
import { CreateReviewRoundDto } from './dto/create-review-round.dto.js';
import { DifferencesQueryDto } from './dto/differences-query.dto.js';
import { FindingResponse, ReviewRoundDetailResponse, ReviewRoundDifferencesResponse, ReviewRoundListResponse } from './dto/review-round.response.js';
import { ReviewRoundsService } from './review-rounds.service.js';

@ApiTags('review-rounds')
@Controller('programs/:programId/review-rounds')
export class ReviewRoundsController {
  constructor(private readonly reviews: ReviewRoundsService) {}

  @Post()
  @Auth('reviewer', 'coordinator')
  @ApiCreatedResponse({ type: ReviewRoundDetailResponse, description: 'Reviewer or coordinator: freezes every progress and indicator figure as of asOf under a citable code' })
  create(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Body() dto: CreateReviewRoundDto) {
    return this.reviews.create(user, programId, dto);
  }

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: ReviewRoundListResponse, description: 'Any role; finding counts only of the findings the caller may see' })
  list(@CurrentUser() user: AuthUser, @Param('programId') programId: string) {
    return this.reviews.list(user, programId);
  }

  @Get(':code')
  @AnyRole()
  @ApiOkResponse({ type: ReviewRoundDetailResponse, description: 'Any role: the frozen figures; a state officer sees its own state’s findings only' })
  get(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('code') code: string) {
    return this.reviews.get(user, programId, code);
  }

  @Get(':code/differences')
  @AnyRole()
  @ApiOkResponse({ type: ReviewRoundDifferencesResponse, description: 'Any role: frozen figures against the live ones (public figures)' })
  differences(@Param('programId') programId: string, @Param('code') code: string, @Query() query: DifferencesQueryDto) {
    return this.reviews.differences(programId, code, query);
  }

  @Post(':code/findings')
  @Auth('reviewer', 'coordinator')
  @ApiCreatedResponse({ type: FindingResponse, description: 'Reviewer or coordinator, while the round is open (409 once closed)' })
  addFinding(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('code') code: string, @Body() dto: CreateFindingDto) {
    return this.reviews.addFinding(user, programId, code, dto);
  }

  @Post(':code/close')
  @HttpCode(200)
  @Auth('reviewer', 'coordinator')
  @ApiOkResponse({ type: ReviewRoundDetailResponse, description: 'Reviewer or coordinator: closes the round with the commission’s agreement (409 when already closed)' })
  close(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('code') code: string, @Body() dto: CloseReviewRoundDto) {
    return this.reviews.close(user, programId, code, dto);
  }
}

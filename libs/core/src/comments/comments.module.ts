import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { CommentsController } from './comments.controller.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';

/** Threads on reports, plan items and review-round findings, with @mentions and the state's answers to findings. */
@Module({ imports: [PlansModule], controllers: [CommentsController], providers: [CommentsRepository, CommentsService] })
export class CommentsModule {}

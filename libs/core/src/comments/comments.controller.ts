import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { CommentResponse, CreateCommentDto, MarkedReadResponse, MarkMentionsReadDto, MentionPageResponse, MentionQueryDto, ThreadQueryDto } from './dto/comment.dto.js';
import { CommentsService } from './comments.service.js';

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('programs/:programId/comments')
  @AnyRole()
  @ApiOkResponse({ type: [CommentResponse], description: 'The thread of a report, plan item or finding, oldest first. National roles, or the officers of the subject’s state' })
  thread(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Query() query: ThreadQueryDto) {
    return this.comments.thread(user, programId, query);
  }

  @Post('programs/:programId/comments')
  @Auth('coordinator', 'reviewer', 'state_officer')
  @ApiCreatedResponse({ type: CommentResponse, description: 'Coordinator, reviewer, or an officer of the subject’s state. Each @email named is notified' })
  create(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Body() dto: CreateCommentDto) {
    return this.comments.create(user, programId, dto);
  }

  @Get('me/mentions')
  @AnyRole()
  @ApiOkResponse({ type: MentionPageResponse, description: 'The comments that name the signed-in user, newest first' })
  mentions(@CurrentUser() user: AuthUser, @Query() query: MentionQueryDto) {
    return this.comments.mentions(user, query);
  }

  @Post('me/mentions/read')
  @HttpCode(200)
  @AnyRole()
  @ApiOkResponse({ type: MarkedReadResponse, description: 'Marks the signed-in user’s mentions read (all, or those of commentIds)' })
  markRead(@CurrentUser() user: AuthUser, @Body() dto: MarkMentionsReadDto) {
    return this.comments.markRead(user, dto);
  }
}

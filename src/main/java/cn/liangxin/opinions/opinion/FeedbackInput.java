package cn.liangxin.opinions.opinion;

/**
 * What the branch records in {@code branchFeedback} (员工意见办理情况反馈单, attachment 4).
 * {@code satisfied} may also arrive as {@code satisfaction} = YES / NO from the form.
 */
public record FeedbackInput(String feedbackMethod, String feedbackOn, String feedbackContent, String feedbackSignedBy,
		Boolean satisfied, String dissatisfiedAction, String closeReason, String furtherOpinion, String remarks) {

}

package cn.liangxin.opinions.opinion;

/**
 * What the branch decides in {@code branchAssess}: the route and scope, the handling
 * opinion, and for ENTERPRISE the assignment slip (交办单), for UPPER the report text.
 * Texts, as submitted.
 */
public record AssessmentInput(String route, String scope, String assessment, String department, String slipMatter,
		String slipDueOn, String slipContact, String slipPhone, String reportText) {

}

/**
 * The engine adapter: the only code that talks to Camunda. Delegates and listeners
 * referenced from the BPMN ({@code delegateExpression="${beanName}"}) read variables
 * through {@link cn.liangxin.opinions.workflow.OpinionProcess} and call the services of
 * the opinion package; {@link cn.liangxin.opinions.workflow.CamundaOpinionWorkflow}
 * starts cases.
 */
package cn.liangxin.opinions.workflow;

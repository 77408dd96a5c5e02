/**
 * The case: intake and its validation, case numbering, the register (员工意见办理情况登记簿), the
 * handling rules and deadlines of each stage, and strike-off (销号). Free of Camunda: the
 * workflow package adapts the engine to the services here.
 */
package cn.liangxin.opinions.opinion;

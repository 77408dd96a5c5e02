/**
 * Input checking shared by the APIs and the process: each broken rule names its field,
 * the rule and a Chinese message; a refused input is written nowhere and answers 400 with
 * problem details.
 */
package cn.liangxin.opinions.validation;

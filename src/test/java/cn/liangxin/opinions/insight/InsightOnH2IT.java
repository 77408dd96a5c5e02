package cn.liangxin.opinions.insight;

/** The managers' numbers on H2, the embedded default database. */
class InsightOnH2IT extends InsightContract {

}

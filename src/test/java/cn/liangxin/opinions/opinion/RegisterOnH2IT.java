package cn.liangxin.opinions.opinion;

/** The register contract on the embedded default database (H2). */
class RegisterOnH2IT extends RegisterContract {

}

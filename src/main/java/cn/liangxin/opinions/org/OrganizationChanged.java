package cn.liangxin.opinions.org;

/**
 * An organization (or one of its departments) was created or changed; published in the
 * transaction.
 */
public record OrganizationChanged(Organization organization) {

}

package cn.liangxin.opinions.org;

/**
 * A person was created or changed (role, organization, name); published inside the
 * transaction so that the Camunda identity follows it or the change fails whole.
 *
 * @param password the initial password, set only when the person is created
 */
public record PersonChanged(Person person, String password) {

}

package cn.liangxin.opinions.org;

/**
 * The database has no administrator and none may be created: without one, nobody could
 * create committees, organizations and people.
 */
class NoAdministratorException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	NoAdministratorException(String message) {
		super(message);
	}

}

// The admins' notices (next year's holiday arrangement missing), shared by the webapps: /notices.js.
import '/notices.js';

export default [];

/**
 * Imported first by tests of the site as served over HTTPS (behind a TLS-terminating proxy): the
 * configuration, parsed when the application's modules load, then sees an https base address.
 */
process.env.BASE_URL = "https://penghubung.test";

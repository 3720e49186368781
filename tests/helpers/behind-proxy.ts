/**
 * Imported first by test files that send hundreds of requests: the application then trusts
 * X-Forwarded-For from the loopback test client, so each request can come from its own address
 * and the rate limits (tested on their own in tests/security) do not answer instead of the code
 * under test. Must run before the application's configuration is loaded.
 */
process.env.TRUST_PROXY = "loopback";

// Masthead admin: small progressive enhancements; every page works without this file.

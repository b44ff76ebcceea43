-- Forms are protected by the platform's double-submit CSRF cookie (platform.web.Csrf), not by a
-- per-session token, so staff_sessions.csrf_token was never read. Drop it rather than fill it with noise.
alter table staff_sessions drop column csrf_token;

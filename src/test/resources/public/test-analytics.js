// A stand-in analytics script for the consent tests: it only marks that it ran.
document.documentElement.setAttribute('data-test-analytics', 'ran');

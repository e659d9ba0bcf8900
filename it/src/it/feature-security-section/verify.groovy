import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def web = 'src/main/java/com/acme/accounts/web/AccountController.java'
def security = 'src/main/java/com/acme/accounts/security/SecurityConfig.java'

// Every pitfall of sections E, F and G planted in the service, each found once, where it stands.
def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.findings.collect { [it.file, it.line, it.ruleId, it.severity] } == [
        ['src/main/java/com/acme/accounts/client/BillingClient.java', 6, 'hardcoded-secret', 'ERROR'],
        ['src/main/java/com/acme/accounts/data/AccountQueries.java', 17, 'sql-injection', 'ERROR'],
        [security, 21, 'csrf-disabled', 'WARNING'],
        [security, 23, 'permit-all-endpoints', 'WARNING'],
        [security, 30, 'cors-wildcard-credentials', 'ERROR'],
        [security, 39, 'weak-password-hashing', 'ERROR'],
        [web, 9, 'no-observability', 'INFO'],
        [web, 10, 'missing-global-error-handler', 'INFO'],
        [web, 15, 'missing-input-validation', 'WARNING'],
        [web, 16, 'log-string-concat', 'INFO'],
        [web, 17, 'sensitive-data-logged', 'WARNING'],
        [web, 21, 'print-stack-trace', 'WARNING'],
        [web, 28, 'system-out-logging', 'WARNING'],
        // Section C: the ping handler sleeps on the request thread.
        [web, 30, 'blocking-work-in-request', 'WARNING'],
        [web, 31, 'swallowed-exception', 'WARNING'],
        ['src/main/resources/application.yml', 3, 'stack-trace-exposure', 'WARNING'],
        ['src/main/resources/application.yml', 8, 'hardcoded-secret', 'ERROR'],
]
// The clean query next to the injectable one is not reported; Spring Security is there, so no-authentication is quiet.
assert !report.findings.any { it.file.endsWith('AccountQueries.java') && it.line == 21 }
assert !report.findings*.ruleId.contains('no-authentication')
assert log.findAll { it.startsWith('[ERROR] src/main/resources/application.yml:[8,1] hardcoded-secret: ') } == [
        '[ERROR] src/main/resources/application.yml:[8,1] hardcoded-secret: `spring.datasource.password` is set to a '
                + 'hardcoded secret `****` (18 characters); reference an environment variable '
                + '(`${SPRING_DATASOURCE_PASSWORD}`) or a secret store instead, and rotate the exposed value']
assert log.contains('[INFO] Archlint baseline archlint-baseline.json: 17 findings accepted (17 added, 0 pruned)')

// The secrets' values never appear in any output: console, HTML, JSON, SARIF, baseline.
def secrets = ['Zq8-prod-Kx41-Tm27', 'bk-acme-9fQ2mB7xR4tL8vN1cK6p']
def outputs = ['build.log', 'target/archlint/archlint.html', 'target/archlint/archlint.json',
               'target/archlint/archlint.sarif', 'archlint-baseline.json'].collect { new File(basedir, it) }
assert outputs.every { it.isFile() }
outputs.each { file ->
    def text = file.getText('UTF-8')
    secrets.each { secret ->
        assert !text.contains(secret) : "${file.name} contains a secret"
        assert !text.contains(secret.substring(0, 12)) : "${file.name} contains the start of a secret"
    }
}
true

import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()

// The first build analysed the module; the second found it in the cache and skipped the analysis.
assert log.count { it ==~ /\[INFO\] Archlint ${archlintVersion} on feature-build-cache: 2 findings .*/ } == 1
assert log.any { it.startsWith('[INFO] Found cached build, restoring com.acme.it:feature-build-cache from cache') }
assert log.any { it == '[INFO] Skipping plugin execution (cached): archlint:check' }

// The reports came back with the module although the second build started with clean.
def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.findings*.ruleId.sort() == ['print-stack-trace', 'system-out-logging']
assert ['archlint.html', 'archlint.sarif'].every { new File(basedir, "target/archlint/$it").isFile() }
true

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }

def failure = startingWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:')
assert failure.size() == 1
assert failure[0].contains("on project feature-invalid-threshold: archlint.failOnSeverity has an invalid value 'WARNNG'; " +
        "valid values are ERROR, WARNING, INFO, NONE. Did you mean 'WARNING'?")
// A configuration error stops before the analysis: no findings, no report.
assert startingWith("[INFO] Archlint ${archlintVersion} on ") == []
assert !new File(basedir, 'target/archlint').exists()
assert !has('[INFO] BUILD SUCCESS')

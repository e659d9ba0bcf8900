def log = new File(basedir, 'build.log').readLines()

def failure = log.findAll { it.startsWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:') }
assert failure.size() == 1
assert failure[0].contains("<rules><rule><id> has an invalid value 'controller-data-acess'; valid values are ")
assert failure[0].contains("Did you mean 'controller-data-access'?")
assert !new File(basedir, 'target/archlint/archlint.json').exists()

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def containing = { String fragment -> log.findAll { it.contains(fragment) } }

// The code that fails no-connection-pool-violation; skipped, nothing is analysed or written.
assert has('[INFO] Archlint is skipped (archlint.skip=true)')
assert containing(' no-connection-pool: ') == []
assert startingWith("[INFO] Archlint ${archlintVersion} on ") == []
assert !new File(basedir, 'target/archlint').exists()
assert new File(basedir, 'target/classes/com/acme/orders/OrderCounter.class').isFile()
assert has('[INFO] BUILD SUCCESS')

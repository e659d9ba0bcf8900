import groovy.json.JsonSlurper

def slurper = new JsonSlurper()
def report = { String run -> slurper.parse(new File(basedir, "target/archlint-${run}/archlint.json")) }
def timings = { String run -> slurper.parse(new File(basedir, "target/archlint-${run}/timings.json")) }
def log = new File(basedir, 'build.log').readLines()

// First run: analysed, every facet and rule measured.
assert timings('first').cached == false
assert timings('first').facets.keySet().containsAll(['input-digest', 'sources', 'classes'])
assert timings('first').rules.containsKey('system-out-logging')
assert report('first').findings*.ruleId.sort() == ['print-stack-trace', 'system-out-logging']

// Second run: nothing changed, the result comes from the cache, the reports are the same.
assert timings('second').cached == true
assert timings('second').rules == [:]
assert timings('second').facets.keySet() == ['input-digest'].toSet()
assert report('second').findings == report('first').findings
assert report('second').summary == report('first').summary
assert new File(basedir, 'target/archlint-second/archlint.html').isFile()
assert new File(basedir, 'target/archlint-second/archlint.sarif').isFile()
assert log.any { it.startsWith('[INFO] Archlint timings: ') && it.contains('the result of the last analysis used again') }

// Third run: another preset is another configuration, so the module is analysed again.
assert timings('third').cached == false
assert report('third').findings*.severity.toSet() == ['ERROR'].toSet()
true

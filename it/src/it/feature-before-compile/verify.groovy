import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def containing = { String fragment -> log.findAll { it.contains(fragment) } }
def matching = { String regex -> log.findAll { it ==~ regex } }

assert !new File(basedir, 'target/classes').exists()

// One note says why the bytecode rules did not run and which ones they are.
def skippedNote = '[WARNING] target/classes: skipped: target/classes holds no compiled classes (was the module compiled? ' +
        'the check goal binds to verify, after compile); rules that need the compiled classes were skipped: '
def notes = startingWith(skippedNote)
assert notes.size() == 1
def skippedRules = notes[0].substring(skippedNote.length()).split(', ') as List
assert skippedRules.contains('controller-data-access')
// The controller does inject the repository, but without the classes nothing is guessed.
assert containing(' controller-data-access: ') == []

// Source rules still report.
def controller = 'src/main/java/com/acme/orders/OrderController.java'
def transactional = startingWith("[WARNING] ${controller}:[20,5] transactional-controller: ")
assert transactional.size() == 1
assert transactional[0].contains('OrderController')

assert matching(/\[INFO\] Archlint ${archlintVersion} on feature-before-compile: 1 finding \(0 errors, 1 warning, 0 infos\), \d+ rules? run, 1 input skipped/).size() == 1
assert has('[INFO] Report: target/archlint/archlint.json')
assert has('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.tool == [name: 'archlint', version: archlintVersion]
assert report.module == [groupId: 'com.acme.it', artifactId: 'feature-before-compile', version: '1.0.0-SNAPSHOT']
assert report.findings.collect { [it.ruleId, it.severity, it.file, it.line, it.column, it.status] } == [
        ['transactional-controller', 'WARNING', controller, 20, 5, 'new']]
assert report.skipped.size() == 1
assert report.skipped[0].file == 'target/classes'
assert report.skipped[0].reason.startsWith('target/classes holds no compiled classes')
assert report.skipped[0].reason.contains('controller-data-access')
assert report.summary.failed == false

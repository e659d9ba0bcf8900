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
// Every rule that reads the compiled classes is named.
assert notes[0].substring(skippedNote.length()).split(', ') as List == ['blocking-work-in-request', 'cache-stampede',
        'controller-data-access', 'dual-write']
// The controller does inject the repository, but without the classes nothing is guessed.
assert containing(' controller-data-access: ') == []

// Source rules still report.
def controller = 'src/main/java/com/acme/orders/OrderController.java'
assert startingWith("[WARNING] ${controller}:[20,5] transactional-controller: ") == [
        "[WARNING] ${controller}:[20,5] transactional-controller: handler `cancel` of controller `OrderController` "
                + 'is annotated `@Transactional`; move the transaction boundary into a service method']

assert matching(/\[INFO\] Archlint ${archlintVersion} on feature-before-compile: 1 finding \(0 errors, 1 warning, 0 infos\), \d+ rules? run, 1 input skipped/).size() == 1
assert startingWith('[INFO] Report: ') == ['html', 'json', 'sarif'].collect { "[INFO] Report: target/archlint/archlint.$it" }
assert ['html', 'json', 'sarif'].every { new File(basedir, "target/archlint/archlint.$it").isFile() }
assert has('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.tool == [name: 'archlint', version: archlintVersion]
assert report.module == [groupId: 'com.acme.it', artifactId: 'feature-before-compile', version: '1.0.0-SNAPSHOT']
assert report.findings.collect { [it.ruleId, it.severity, it.file, it.line, it.column, it.status] } == [
        ['transactional-controller', 'WARNING', controller, 20, 5, 'new']]
assert report.skipped.size() == 1
assert report.skipped[0].file == 'target/classes'
assert report.skipped[0].reason.startsWith('target/classes holds no compiled classes')
assert report.skipped[0].reason.endsWith('rules that need the compiled classes were skipped: blocking-work-in-request, '
        + 'cache-stampede, controller-data-access, dual-write')
assert report.summary.failed == false

// SARIF tells code-scanning tools the same: one notification for the skipped input.
def sarif = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.sarif'))
def notifications = sarif.runs[0].invocations[0].toolExecutionNotifications
assert notifications.size() == 1
assert notifications[0].message.text.startsWith('target/classes: target/classes holds no compiled classes')
assert sarif.runs[0].results*.ruleId == ['transactional-controller']

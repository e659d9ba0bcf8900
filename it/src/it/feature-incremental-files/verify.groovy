import groovy.json.JsonSlurper

def slurper = new JsonSlurper()
def report = { String run -> slurper.parse(new File(basedir, "target/archlint-${run}/archlint.json")) }
def timings = { String run -> slurper.parse(new File(basedir, "target/archlint-${run}/timings.json")) }
def log = new File(basedir, 'build.log').readLines()
def job = 'src/main/java/com/acme/jobs/NightlyJob.java'
def format = 'src/main/java/com/acme/billing/InvoiceFormat.java'

// First run: no earlier analysis, the whole module.
assert timings('first').cached == false
assert timings('first').incremental == null
assert report('first').findings.collect { [it.file, it.ruleId] }.toSet() ==
        [[format, 'print-stack-trace'], [job, 'print-stack-trace'], [job, 'system-out-logging']].toSet()

// Second run: NightlyJob.java no longer prints; only it and Scheduler.java, which names it, are analysed again.
def incremental = timings('second').incremental
assert timings('second').cached == false
assert incremental.files == 5
assert incremental.changed == 1
assert incremental.analysed == 2
assert log.any { it.contains('incremental: 1 of 5 Java files changed since the last analysis') }
assert report('second').findings.collect { [it.file, it.ruleId] }.toSet() ==
        [[format, 'print-stack-trace'], [job, 'print-stack-trace']].toSet()

// Third run: the same sources analysed whole report exactly the same.
assert timings('third').incremental == null
assert report('second').findings == report('third').findings
assert report('second').summary == report('third').summary
assert report('second').skipped == report('third').skipped
true

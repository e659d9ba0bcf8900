def log = new File(basedir, 'build.log').readLines()

def failure = log.findAll { it.startsWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:') }
assert failure.size() == 1
assert failure[0].contains('archlint-baseline.json does not exist and archlint.baselineStrict=true: commit the baseline '
        + '(mvn archlint:baseline writes it), or point archlint.baselineFile at it')
assert !new File(basedir, 'target/archlint/archlint.json').exists()

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain ArchUnit import of a module's compiled classes, repeated in one JVM: the floor for any
 * tool that reads bytecode with ArchUnit. Usage: {@code java -cp archunit.jar:slf4j-api.jar
 * ArchUnitImport.java <classesDir> <runs>}; prints {@code key=value} lines.
 */
public final class ArchUnitImport {

    public static void main(String[] args) {
        Path classes = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        List<Long> times = new ArrayList<>();
        int count = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            JavaClasses imported = new ClassFileImporter().importPath(classes);
            count = imported.size();
            times.add(System.nanoTime() - start);
        }
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        System.out.println("archunit.classes=" + count);
        System.out.println("archunit.first.ms=" + ms(times.get(0)));
        System.out.println("archunit.best.ms=" + ms(sorted.get(0)));
        System.out.println("archunit.median.ms=" + ms(sorted.get(sorted.size() / 2)));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}

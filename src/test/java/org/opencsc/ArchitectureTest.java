package org.opencsc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Table;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.opencsc.engine.CaseEntity;
import org.opencsc.rules.ProcessRules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layers of the code point down only (docs/architecture.md draws them), and each process
 * is declared in its own package alone. Read from the compiled classes (imports that only a
 * comment uses do not count) and from the sources, in a second and without Spring.
 */
class ArchitectureTest {

  private static final String BASE = "org.opencsc";
  /** One package per process; nothing else may know one (the catalogue lists them). */
  private static final String[] PROCESSES = {BASE + ".missing..", BASE + ".strategy..", BASE + ".fostering..",
      BASE + ".adoption..", BASE + ".escalation..", BASE + ".protection..",
      BASE + ".reviews..", BASE + ".alerts..", BASE + ".court.."};
  /**
   * Names that are a process key or case table and also, by the contract, another process's
   * variable or column: the conference's answer {@code childProtectionPlan} (recordIcpc, kept in
   * strategy_discussion's column child_protection_plan) names the plan's process and table too. The
   * strategy package may write them as its own answer.
   */
  private static final Map<String, String> ALSO_A_VARIABLE = Map.of("childProtectionPlan", "strategy",
      "child_protection_plan", "strategy");
  private static final String[] FEATURES = {BASE + ".child..", BASE + ".casefile..", BASE + ".compliance..",
      BASE + ".notifications..", BASE + ".security..", BASE + ".versioning..", BASE + ".operations.."};

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);

  @Test
  void layersPointDownOnly() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("calendar").definedBy(BASE + ".calendar..")
        .layer("rules").definedBy(BASE + ".rules..")
        .layer("engine").definedBy(BASE + ".engine..")
        .layer("web").definedBy(BASE + ".web..")
        .layer("features").definedBy(FEATURES)
        .layer("processes").definedBy(PROCESSES)
        .whereLayer("processes").mayNotBeAccessedByAnyLayer()
        .whereLayer("features").mayOnlyBeAccessedByLayers("processes")
        .whereLayer("web").mayOnlyBeAccessedByLayers("features", "processes")
        .whereLayer("engine").mayOnlyBeAccessedByLayers("web", "features", "processes")
        .whereLayer("rules").mayOnlyBeAccessedByLayers("engine", "web", "features", "processes")
        .whereLayer("calendar").mayOnlyBeAccessedByLayers("rules", "engine", "web", "features", "processes")
        .because("a lower layer that knows an upper one cannot be read, tested or reused without it")
        .check(MAIN);
  }

  @Test
  void noPackageLoops() {
    slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theRulesArePlainJava() {
    noClasses().that().resideInAPackage(BASE + ".rules..").should().dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..")
        .because("a rule is checked in milliseconds, without an engine or a Spring context")
        .check(MAIN);
  }

  @Test
  void theChildIsBelowEveryProcess() {
    // Every process registers and reads children; the case file, which reads every feature, is
    // the one place above them all.
    noClasses().that().resideInAPackage(BASE + ".child..").should().dependOnClassesThat()
        .resideInAnyPackage(BASE + ".compliance..", BASE + ".notifications..", BASE + ".casefile..",
            BASE + ".security..", BASE + ".versioning..")
        .check(MAIN);
  }

  @Test
  void everyProcessHasOnePackageWithItsRules() {
    Map<String, String> packages = new TreeMap<>();
    for (JavaClass rules : MAIN.that(com.tngtech.archunit.base.DescribedPredicate.describe("process rules",
        type -> type.isAssignableTo(ProcessRules.class) && !type.isInterface()
            && !type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT)))) {
      assertThat(packages.put(rules.getPackageName(), rules.getSimpleName())).as("two processes in %s",
          rules.getPackageName()).isNull();
    }
    assertThat(packages.keySet()).containsExactlyInAnyOrder(Stream.of(PROCESSES)
        .map(name -> name.substring(0, name.length() - 2)).toArray(String[]::new));
  }

  /**
   * A process key or case table written outside its own package is a list someone must keep by
   * hand: compliance, access and the exports read the catalogue instead.
   */
  @Test
  void processKeysAndCaseTablesAppearOnlyInTheirOwnPackage() throws IOException {
    Map<String, String> owners = new TreeMap<>(); // key or table → its package's folder
    for (Path diagram : files(Path.of("bpmn"), ".bpmn")) {
      for (Process process : Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(Process.class)) {
        if (process.isExecutable()) {
          owners.put(process.getId(), folderDeclaring(process.getId()));
        }
      }
    }
    for (JavaClass entity : MAIN.that(com.tngtech.archunit.base.DescribedPredicate.describe("case entities",
        type -> type.isAssignableTo(CaseEntity.class) && type.isAnnotatedWith(Table.class)))) {
      String table = entity.getAnnotationOfType(Table.class).name();
      owners.put(table, entity.getPackageName().substring(BASE.length() + 1).replace('.', '/'));
    }
    assertThat(owners).as("every diagram's process and every case table").hasSizeGreaterThanOrEqualTo(8);
    List<String> strays = new ArrayList<>();
    for (Path source : files(Path.of("src", "main", "java"), ".java")) {
      String text = Files.readString(source);
      String folder = source.getParent().toString().replace('\\', '/');
      owners.forEach((name, owner) -> {
        if (Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find()
            && !folder.endsWith("/" + BASE.replace('.', '/') + "/" + owner)
            && !folder.endsWith("/" + BASE.replace('.', '/') + "/" + ALSO_A_VARIABLE.get(name))) {
          strays.add(name + " in " + source);
        }
      });
    }
    assertThat(strays).as("process keys and case tables outside their process's package").isEmpty();
  }

  /** The package folder whose ProcessRules declares this key ({@code PROCESS_KEY = "key"}). */
  private static String folderDeclaring(String key) throws IOException {
    String literal = "PROCESS_KEY = \"" + key + "\"";
    TreeSet<String> folders = new TreeSet<>();
    Pattern rules = Pattern.compile("(implements ProcessRules|extends CaseProcessRules)\\b");
    for (Path source : files(Path.of("src", "main", "java"), "Rules.java")) {
      String text = Files.readString(source);
      Matcher implementsRules = rules.matcher(text);
      if (implementsRules.find() && text.contains(literal)) {
        Path folder = Path.of("src", "main", "java", BASE.replace('.', '/')).relativize(source.getParent());
        folders.add(folder.toString().replace('\\', '/'));
      }
    }
    assertThat(folders).as("the package declaring %s", literal).hasSize(1);
    return folders.first();
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }

  @Test
  void classesInTheRootPackageAreOnlyTheApplication() {
    classes().that().resideInAPackage(BASE).should().haveSimpleNameStartingWith("OpenCscApplication").check(MAIN);
  }
}

package no.formidler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries: features form no cycles, and the domain rules stay plain Java. */
@AnalyzeClasses(packages = "no.formidler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] DOMAIN_PACKAGES = {"no.formidler.transfer..", "no.formidler.resource..",
            "no.formidler.download.."};

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles =
            slices().matching("no.formidler.(*)..").should().beFreeOfCycles();

    /**
     * The domain, by package: in the features that hold the rules (transfers, resources, downloads) every class that is
     * not a Spring bean (service, repository, controller, configuration) is plain Java; so is the organisation number
     * all features share. HTTP mechanics live in web/.
     */
    @ArchTest
    static final ArchRule domainRulesArePlainJava = noClasses()
            .that().resideInAnyPackage(DOMAIN_PACKAGES)
            .and().areNotMetaAnnotatedWith("org.springframework.stereotype.Component")
            .and().areNotAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
            .or().haveFullyQualifiedName("no.formidler.auth.Organization")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..");

    @ArchTest
    static final ArchRule problemDetailsAreBuiltOnlyByTheWebLayerAndTheTusProtocol = noClasses()
            .that().resideOutsideOfPackages("no.formidler.web..", "no.formidler.upload.tus..")
            .should().dependOnClassesThat().haveFullyQualifiedName("no.formidler.web.Problems")
            .because("a feature throws a typed error (error/) and web/ answers it; TUS answers its protocol's own");

    @ArchTest
    static final ArchRule onlyTheWebLayerBuildsProblemDetailsFromErrors = noClasses()
            .that().resideInAnyPackage("no.formidler.transfer..", "no.formidler.resource..", "no.formidler.storage..")
            .should().dependOnClassesThat().resideInAPackage("no.formidler.web..");

    @ArchTest
    static final ArchRule storageKnowsNothingOfTransfers = noClasses()
            .that().resideInAPackage("no.formidler.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("no.formidler.transfer..", "no.formidler.upload..",
                    "no.formidler.download..", "no.formidler.resource..");

    @ArchTest
    static final ArchRule scanDecidesVerdictsTransferDecidesStatuses = noClasses()
            .that().resideInAPackage("no.formidler.scan..")
            .should().dependOnClassesThat().haveFullyQualifiedName("no.formidler.transfer.TransferStatus")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("no.formidler.transfer.RecipientStatus");

    @ArchTest
    static final ArchRule onlyTheTransitionPathWritesAStatusOrAppendsEvents = noClasses()
            .that().doNotHaveFullyQualifiedName("no.formidler.transfer.Transitions")
            .should().callMethodWhere(DescribedPredicate.describe("a status write or an outbox append",
                    (JavaMethodCall call) -> statusWrite(call.getTargetOwner().getFullName(), call.getName())));

    /** Issue 17: nothing deserializes Java objects (the gadget chains of MOVEit and GoAnywhere); see docs/security.md. */
    @ArchTest
    static final ArchRule nothingDeserializesJavaObjects = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.beans.XMLDecoder")
            .because("no client byte may ever become an object graph (jdk.serialFilter=!* also refuses it JVM-wide)");

    private static boolean statusWrite(String owner, String method) {
        return owner.equals("no.formidler.events.EventOutbox") && method.equals("append")
                || owner.equals("no.formidler.transfer.TransferRepository")
                && (method.equals("insert") || method.equals("transition") || method.equals("recordRecipientStatus"));
    }
}

package com.alvh.engine.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * What generated rule code may touch, by type and member (internal names, e.g. {@code java/lang/Math}).
 * Everything not listed is refused. Three kinds of entry:
 * <ul>
 * <li>value types: every constructor, method and static field (they are immutable values with no way out:
 *     numbers, {@code Math}, {@code java.time}, the project's fact and conclusion records and enums);</li>
 * <li>types with a member list: only the listed method names ({@code String}, read-only collections, the
 *     Drools runtime the executable model generates calls to);</li>
 * <li>types code may implement or extend: the Drools functional interfaces the generated lambdas implement.</li>
 * </ul>
 * The project types are the facts the evaluation inserts and the conclusions rules draw, not the whole
 * {@code com.alvh} tree: no audit, lifecycle, api, engine, derivation, pricing or profile parsing.
 */
public final class AllowList {

    /** Immutable value types: any member. */
    static final Set<String> VALUE_TYPES = Set.of(
            // project facts and conclusions
            "com/alvh/strategy/Profile",
            "com/alvh/market/MarketSnapshot", "com/alvh/market/Indicators", "com/alvh/market/Metric",
            "com/alvh/market/curve/TermStructure", "com/alvh/market/curve/FuturePoint",
            "com/alvh/market/calendar/UpcomingEvent",
            "com/alvh/condor/CondorRisk", "com/alvh/condor/CondorPosition", "com/alvh/condor/CondorLegs",
            "com/alvh/condor/Leg", "com/alvh/condor/PositionGreeks", "com/alvh/condor/StrikeCushion",
            "com/alvh/hedge/HedgeBook", "com/alvh/hedge/Layer", "com/alvh/hedge/Signal", "com/alvh/hedge/Proposal",
            "com/alvh/hedge/Limit", "com/alvh/hedge/SizeScale", "com/alvh/hedge/RollProposal",
            "com/alvh/hedge/HoldNote", "com/alvh/hedge/Reason", "com/alvh/hedge/HedgeAction",
            "com/alvh/hedge/Direction", "com/alvh/hedge/ActionType", "com/alvh/hedge/Instrument",
            "com/alvh/hedge/VxMaturity",
            // numbers and maths
            "java/lang/Math", "java/lang/StrictMath", "java/lang/Number", "java/lang/Integer", "java/lang/Long",
            "java/lang/Double", "java/lang/Float", "java/lang/Short", "java/lang/Byte", "java/lang/Boolean",
            "java/lang/Character",
            // time values
            "java/time/LocalDate", "java/time/LocalDateTime", "java/time/LocalTime", "java/time/Instant",
            "java/time/Duration", "java/time/Period", "java/time/DayOfWeek", "java/time/Month",
            "java/time/YearMonth", "java/time/Year", "java/time/ZoneOffset", "java/time/OffsetDateTime",
            "java/time/temporal/ChronoUnit", "java/time/temporal/ChronoField",
            // exceptions a rule may throw or catch (never Throwable/Error: see BytecodeVerifier)
            "java/lang/Exception", "java/lang/RuntimeException", "java/lang/IllegalArgumentException",
            "java/lang/IllegalStateException", "java/lang/ArithmeticException", "java/lang/NullPointerException",
            "java/lang/UnsupportedOperationException", "java/lang/IndexOutOfBoundsException");

    /** Types with the method names rule code may call on them. */
    static final Map<String, Set<String>> MEMBERS = Map.ofEntries(
            Map.entry("java/lang/Object", Set.of("<init>", "equals", "hashCode", "toString")),
            Map.entry("java/lang/String", Set.of("length", "isEmpty", "isBlank", "charAt", "substring", "indexOf",
                    "lastIndexOf", "contains", "startsWith", "endsWith", "equals", "equalsIgnoreCase", "compareTo",
                    "compareToIgnoreCase", "hashCode", "toString", "trim", "strip", "toUpperCase", "toLowerCase",
                    "valueOf", "format", "concat", "join", "<init>")),
            Map.entry("java/lang/CharSequence", Set.of("length", "charAt", "toString", "isEmpty")),
            Map.entry("java/lang/StringBuilder", Set.of("<init>", "append", "toString", "length", "charAt")),
            Map.entry("java/lang/Enum", Set.of("<init>", "valueOf", "name", "ordinal", "equals", "hashCode", "toString",
                    "compareTo")),
            // ecj writes enum values() with arraycopy; nothing else of System
            Map.entry("java/lang/System", Set.of("arraycopy")),
            Map.entry("java/util/Collections", Set.of("emptyList", "emptyMap", "emptySet", "unmodifiableList",
                    "unmodifiableMap", "unmodifiableSet", "singletonList")),
            // $deserializeLambda$ of the generated serializable lambdas reads these
            Map.entry("java/lang/invoke/SerializedLambda", Set.of("getFunctionalInterfaceClass",
                    "getFunctionalInterfaceMethodName", "getFunctionalInterfaceMethodSignature", "getImplClass",
                    "getImplMethodKind", "getImplMethodName", "getImplMethodSignature", "getCapturedArg")),
            // the date format every generated Rules class builds in its static initialiser
            Map.entry("java/time/format/DateTimeFormatterBuilder", Set.of("<init>", "parseCaseInsensitive",
                    "appendPattern", "toFormatter")),
            Map.entry("org/drools/util/DateUtils", Set.of("getDateFormatMask")),
            Map.entry("java/util/Locale", Set.of("ENGLISH", "ROOT", "US")),
            Map.entry("java/lang/Comparable", Set.of("compareTo")),
            Map.entry("java/lang/Iterable", Set.of("iterator")),
            Map.entry("java/util/Collection", Set.of("size", "isEmpty", "contains", "iterator", "containsAll")),
            Map.entry("java/util/List", Set.of("size", "isEmpty", "contains", "iterator", "get", "indexOf", "of", "add",
                    "copyOf", "containsAll")),
            Map.entry("java/util/Set", Set.of("size", "isEmpty", "contains", "iterator", "of", "copyOf")),
            Map.entry("java/util/Map", Set.of("size", "isEmpty", "get", "getOrDefault", "containsKey",
                    "containsValue", "of", "copyOf")),
            Map.entry("java/util/Iterator", Set.of("hasNext", "next")),
            // rule code may build its own small lists (the generated model does); facts' lists are immutable copies
            Map.entry("java/util/ArrayList", Set.of("<init>", "add", "get", "size", "isEmpty", "iterator", "contains")),
            Map.entry("java/util/Arrays", Set.of("asList")),
            Map.entry("java/util/Objects", Set.of("equals", "hash", "hashCode", "isNull", "nonNull", "toString",
                    "requireNonNull", "requireNonNullElse")),
            Map.entry("java/util/Optional", Set.of("isPresent", "isEmpty", "get", "orElse", "of", "ofNullable", "empty")),
            // what the executable model generates for the shipped rules and the rule features the product documents
            Map.entry("org/drools/modelcompiler/dsl/pattern/D", Set.of("declarationOf", "pattern", "rule", "on",
                    "execute", "not", "exists", "forall", "accumulate", "accFunction", "query", "globalOf",
                    "typeMetaData", "and", "or", "from", "reactiveFrom", "entryPoint", "build", "eval", "input",
                    "annotationValue", "window", "unit", "attribute", "metadata", "valueOf", "alphaIndexedBy",
                    "betaIndexedBy", "reactOn", "watch", "bind", "expr", "as", "type", "groupBy")),
            Map.entry("org/drools/model/PatternDSL$PatternDef", Set.of("expr", "bind", "watch", "as")),
            Map.entry("org/drools/model/PatternDSL", Set.of("pattern", "alphaIndexedBy", "betaIndexedBy")),
            Map.entry("org/drools/model/PatternDSL$ExprViewItem", Set.of("bind", "expr")),
            Map.entry("org/drools/model/view/ViewItem", Set.of("get")),
            Map.entry("org/drools/model/view/ExprViewItem", Set.of("expr", "bind")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_0", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_1", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_2", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_3", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_4", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_5", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_6", Set.of("execute")),
            Map.entry("org/drools/model/consequences/ConsequenceBuilder$_N", Set.of("execute")),
            Map.entry("org/drools/model/impl/RuleBuilder", Set.of("build", "attribute", "metadata", "unit", "annotation")),
            Map.entry("org/drools/model/functions/PredicateInformation", Set.of("<init>", "addRuleNames")),
            Map.entry("org/drools/model/functions/accumulate/AccumulateFunction", Set.of("as")),
            Map.entry("org/drools/model/Drools", Set.of("insert", "update", "delete", "getRule")),
            Map.entry("org/drools/model/DomainClassMetadata", Set.of("getPropertyIndex")),
            Map.entry("org/drools/model/impl/DomainClassMetadataImpl", Set.of("<init>")),
            Map.entry("org/drools/model/Query0Def", Set.of("build")),
            Map.entry("org/drools/model/functions/Function1", Set.of("apply")),
            Map.entry("org/drools/modelcompiler/util/EvaluationUtil", Set.of("areNullSafeEquals", "areNumbersNullSafeEquals",
                    "greaterThanNumbers", "lessThanNumbers", "greaterOrEqualNumbers", "lessOrEqualNumbers",
                    "greaterThan", "lessThan", "greaterOrEqual", "lessOrEqual", "toBigDecimal", "coerceToString",
                    "convertDate")),
            Map.entry("org/drools/model/functions/LambdaPrintUtil", Set.of("print")),
            Map.entry("org/drools/model/functions/HashedExpression", Set.of()),
            Map.entry("org/drools/model/functions/IntrospectableLambda", Set.of("<init>")));

    /**
     * Types a generated class may extend or implement, besides {@code Object} and other generated classes:
     * the functional interfaces of the executable model, and what a {@code declare} produces.
     */
    static final Set<String> SUPER_TYPE_PREFIXES = Set.of("org/drools/model/functions/", "org/drools/model/Model",
            "org/drools/model/DomainClassMetadata", "org/drools/model/impl/DomainClassMetadataImpl",
            "java/io/Serializable", "java/lang/Object", "java/lang/Comparable",
            "org/drools/core/factmodel/GeneratedFact", "org/drools/base/factmodel/GeneratedFact",
            "org/drools/base/factmodel/AccessibleFact");

    /** Enums of the model whose constants generated code reads (rule attributes, index kinds). */
    static final Set<String> CONSTANT_ENUMS = Set.of("org/drools/model/Rule$Attribute", "org/drools/model/Index$ConstraintType");

    /** Drools' built-in accumulate functions (sum, count, min, ...): generated code may construct them, nothing more. */
    static final String ACCUMULATORS = "org/drools/core/base/accumulators/";

    private AllowList() {
    }

    /**
     * Members refused even on value types: they reach the class object, block the thread where the deadline
     * cannot stop it, or read system properties.
     */
    static final Set<String> NEVER = Set.of("getClass", "wait", "notify", "notifyAll", "getDeclaringClass",
            "describeConstable", "getInteger", "getLong", "getBoolean", "finalize", "clone");

    static boolean type(String owner) {
        String t = elementType(owner);
        return t == null || VALUE_TYPES.contains(t) || MEMBERS.containsKey(t);
    }

    static boolean method(String owner, String name) {
        String t = elementType(owner);
        if (t == null) {
            return "clone".equals(name) || "<init>".equals(name); // arrays: clone() only
        }
        if (NEVER.contains(name)) {
            return false;
        }
        if (VALUE_TYPES.contains(t)) {
            return true;
        }
        if (t.startsWith(ACCUMULATORS) && t.indexOf('/', ACCUMULATORS.length()) < 0) {
            return "<init>".equals(name);
        }
        Set<String> names = MEMBERS.get(t);
        return names != null && names.contains(name);
    }

    static boolean superType(String type) {
        return SUPER_TYPE_PREFIXES.stream().anyMatch(type::startsWith);
    }

    /** The element type of an array descriptor ({@code null} for an array of primitives), or the type itself. */
    private static String elementType(String owner) {
        if (!owner.startsWith("[")) {
            return owner;
        }
        String element = owner.replaceFirst("^\\[+", "");
        return element.startsWith("L") ? element.substring(1, element.length() - 1) : null;
    }
}

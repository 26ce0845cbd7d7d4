package io.meshwork.core.contract;

import java.util.List;
import java.util.stream.Collectors;

/** A contract that cannot be used: every problem found, each with its file, line and column. */
public final class ContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ContractProblem> problems;

    public ContractException(List<ContractProblem> problems) {
        super(problems.stream().map(ContractProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ContractException(ContractProblem problem) {
        this(List.of(problem));
    }

    /** The problems, in file order. */
    public List<ContractProblem> problems() {
        return problems;
    }
}

import ArgumentParser
import FactCheckKit
import Foundation

// The exit codes are a contract (DESIGN.md): 0 clean, 1 contradictions, 2 the run failed. ArgumentParser's own
// codes for usage errors (64) and thrown errors (1) are mapped onto it here.
do {
    var command = try FactCheckCommand.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let error as FactCheckError {
    Terminal.writeError("factcheck: error: \(error)")
    Foundation.exit(2)
} catch let error as InputError {
    Terminal.writeError("factcheck: error: \(error)")
    Foundation.exit(2)
} catch let error as FactStoreError {
    Terminal.writeError("factcheck: error: \(error)")
    Foundation.exit(2)
} catch let error as RuleError {
    Terminal.writeError("factcheck: error: \(error)")
    Foundation.exit(2)
} catch {
    if FactCheckCommand.exitCode(for: error) == .success {
        FactCheckCommand.exit(withError: error)  // --help and --version print and exit 0.
    }
    Terminal.writeError(FactCheckCommand.fullMessage(for: error))
    Terminal.writeError("Run 'factcheck --help' for usage.")
    Foundation.exit(2)
}

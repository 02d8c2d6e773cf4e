import FactCheckKit
import Foundation

/// Drafts' earlier versions in git, for reporting only the claims of changed paragraphs (`check --diff BASE` and
/// the pre-commit hook, which compares the staged draft with HEAD).
struct DraftHistory {
    let repository: GitRepository
    /// The revision drafts are compared with; nil when there is none yet (a repository without commits).
    let revision: String?

    /// The paragraphs of `draft` that are not in its version at the revision; all of them for a draft that is new
    /// there or whose earlier version cannot be read as a document (so nothing goes unchecked).
    /// - Parameter repositoryPath: the draft's path relative to the repository's root.
    func changes(in draft: Document, repositoryPath: String) throws(InputError) -> ParagraphChanges {
        guard let revision, let data = try repository.contents(of: repositoryPath, at: revision) else {
            return ParagraphChanges(draft: draft, base: nil)
        }
        let base = try? DocumentLoader().document(path: draft.path, data: data, format: draft.format)
        return ParagraphChanges(draft: draft, base: base)
    }
}

// source/files — reading whole files and keeping paths inside a folder, for
// every stage that opens a file the deck names (themes, pictures, layouts).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace deckpdf {

// The bytes of the regular file at `path`, at most `max_bytes` of them.
// nullopt when it cannot be opened, is not a regular file or is larger.
std::optional<std::string> file_read_all(const std::string& path,
                                         size_t max_bytes = size_t{64} << 20);

// Whether `path` is `folder` or lies under it, compared component by
// component (so /a/bc is not inside /a/b). Both should be canonical
// (std::filesystem::weakly_canonical) for the answer to mean anything.
bool path_inside(const std::filesystem::path& path, const std::filesystem::path& folder);

// `relative` resolved against `folder` (weakly canonical, symbolic links
// followed), or nullopt when the result leaves `folder` or cannot be
// resolved. An absolute `relative` is taken as it is, and so must lie
// inside `folder` too.
std::optional<std::filesystem::path> path_resolve_inside(const std::filesystem::path& folder,
                                                         const std::filesystem::path& relative);

}  // namespace deckpdf

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
// The check is made on the opened descriptor, opened without blocking, so
// a FIFO or a device named by a deck never hangs or feeds the read.
std::optional<std::string> file_read_all(const std::string& path,
                                         size_t max_bytes = size_t{64} << 20);

// Records that the regular file open on `fd` is an input of this run
// (file_read_all and the deck reader call it), so that no output replaces it.
void file_note_input(int fd);

// What a file of this st_mode is, for messages: "a FIFO", "a character
// device", "a directory"...
std::string file_kind(unsigned mode);

// Whether `path` names a file this process has read as an input (the same
// device and inode, whatever the path it was read by).
bool file_is_input(const std::string& path);

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

// fuzz_files — a fuzz input as a deck and the files beside it, for the
// targets that follow includes, extends and pictures: the input is split at
// each \x01 byte; the first part is the deck, the next ones are written, in
// order, as the files in `fuzz_file_names` of a folder of this process's
// own (made once, emptied before each input, removed at exit), where the
// deck is read from; the last of them, a picture, takes all the bytes left.
// An input without \x01 is a deck alone, as before.
#pragma once

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace deckpdf::fuzz {

// Names the seeds and the dictionary use: Pug to include or extend, a
// Markdown file for `include:markdown-it`, a file in a subfolder (whose own
// includes are relative to it), a picture.
inline constexpr std::array<const char*, 6> fuzz_file_names = {
    "a.pug", "layout.pug", "notes.md", "sub/b.pug", "mixins.pug", "p.png"};

class FuzzFolder {
 public:
  FuzzFolder() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "deckpdf-fuzz-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) std::abort();
    root_ = tmpl;
  }

  ~FuzzFolder() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  FuzzFolder(const FuzzFolder&) = delete;
  FuzzFolder& operator=(const FuzzFolder&) = delete;

  const std::string& root() const { return root_; }

  // Writes the input's files and returns the deck's bytes.
  std::string take(std::string_view input) {
    for (const char* name : fuzz_file_names) {
      std::error_code ec;
      std::filesystem::remove(root_ + "/" + name, ec);
    }
    size_t cut = input.find('\x01');
    std::string deck(input.substr(0, cut));
    for (const char* name : fuzz_file_names) {
      if (cut == std::string_view::npos) break;
      // The last file, the picture, takes every byte that follows.
      bool last = name == fuzz_file_names.back();
      size_t next = last ? std::string_view::npos : input.find('\x01', cut + 1);
      std::string_view part = input.substr(
          cut + 1, next == std::string_view::npos ? std::string_view::npos : next - cut - 1);
      std::filesystem::path path = std::filesystem::path(root_) / name;
      std::filesystem::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary).write(part.data(), static_cast<long>(part.size()));
      cut = next;
    }
    return deck;
  }

 private:
  std::string root_;
};

}  // namespace deckpdf::fuzz

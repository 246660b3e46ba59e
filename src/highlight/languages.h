// highlight/languages — the grammars a run can use: the folder's index read
// on first use, each grammar loaded the first time a block asks for it (a
// deck without code reads nothing), names and aliases resolved, and the
// highlighted result of each (language, code) kept so equal blocks are
// highlighted once. Safe to share between the export's threads.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "highlight/grammar.h"
#include "highlight/tokens.h"

namespace deckpdf::highlight {

class Languages {
 public:
  // `folder` holds index.xml and NAME.xml (layouts/highlight).
  explicit Languages(std::string folder);

  // The grammar a name or alias ("js", "HTML") stands for, loaded on first
  // use; nullptr when it is unknown or its file cannot be read.
  const Grammar* find(std::string_view name_or_alias);
  // The names of the languages auto-detection tries, in the index's order.
  std::vector<std::string> autodetect_names();

  // highlight(): highlight.js's `highlight(code, {language})`, and
  // highlight_auto(): its `highlightAuto(code)`; both cached by their
  // arguments. An unknown language gives the code plain.
  std::shared_ptr<const Highlighted> highlight(std::string_view language, std::string_view code);
  std::shared_ptr<const Highlighted> highlight_auto(std::string_view code);

  // Errors met while reading grammar files (for the caller to report once).
  std::vector<std::string> errors();

 private:
  void read_index();  // with mutex_ held
  const Grammar* find_locked(std::string_view name_or_alias);
  std::shared_ptr<const Highlighted> cached(const std::string& key, bool automatic,
                                            std::string_view language, std::string_view code);

  std::string folder_;
  std::mutex mutex_;
  bool index_read_ = false;
  std::vector<std::string> names_, autodetect_;
  std::map<std::string, std::string> alias_to_name_;
  std::map<std::string, std::unique_ptr<Grammar>> grammars_;  // null: could not load
  std::vector<std::string> errors_;
  std::map<std::string, std::shared_ptr<const Highlighted>> cache_;
  size_t cache_bytes_ = 0;
};

}  // namespace deckpdf::highlight

// highlight/languages — lazy grammars and the highlight cache (see languages.h).
#include "highlight/languages.h"

#include <pugixml.hpp>

#include "highlight/highlighter.h"
#include "source/files.h"

namespace deckpdf::highlight {

namespace {

// What the cache may hold: a deck repeats its code blocks in every mode
// (slides, builds, handouts), so one highlight serves them all; past this
// the results are no longer kept.
constexpr size_t kCacheBytes = size_t{32} << 20;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace

Languages::Languages(std::string folder) : folder_(std::move(folder)) {}

void Languages::read_index() {
  if (index_read_) return;
  index_read_ = true;
  std::optional<std::string> bytes = file_read_all(folder_ + "/index.xml", size_t{1} << 20);
  pugi::xml_document document;
  if (!bytes || !document.load_buffer(bytes->data(), bytes->size())) {
    errors_.push_back("cannot read " + folder_ + "/index.xml");
    return;
  }
  for (const pugi::xml_node& language : document.child("languages").children("language")) {
    const std::string name = language.attribute("name").value();
    names_.push_back(name);
    if (language.attribute("autodetect").as_bool(true)) autodetect_.push_back(name);
    alias_to_name_[lower(name)] = name;
    for (const pugi::xml_node& alias : language.children("alias")) {
      alias_to_name_.emplace(lower(alias.text().get()), name);
    }
  }
}

const Grammar* Languages::find_locked(std::string_view name_or_alias) {
  read_index();
  auto named = alias_to_name_.find(lower(name_or_alias));
  if (named == alias_to_name_.end()) return nullptr;
  const std::string& name = named->second;
  auto loaded = grammars_.find(name);
  if (loaded != grammars_.end()) return loaded->second.get();
  std::unique_ptr<Grammar> grammar;
  std::optional<std::string> bytes = file_read_all(folder_ + "/" + name + ".xml", size_t{4} << 20);
  std::string error = "cannot read the file";
  if (bytes) {
    if (auto parsed = grammar_parse(*bytes, &error))
      grammar = std::make_unique<Grammar>(std::move(*parsed));
  }
  if (!grammar) errors_.push_back(folder_ + "/" + name + ".xml: " + error);
  return grammars_.emplace(name, std::move(grammar)).first->second.get();
}

const Grammar* Languages::find(std::string_view name_or_alias) {
  std::lock_guard<std::mutex> lock(mutex_);
  return find_locked(name_or_alias);
}

std::vector<std::string> Languages::autodetect_names() {
  std::lock_guard<std::mutex> lock(mutex_);
  read_index();
  return autodetect_;
}

std::vector<std::string> Languages::errors() {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

std::shared_ptr<const Highlighted> Languages::cached(const std::string& key, bool automatic,
                                                     std::string_view language,
                                                     std::string_view code) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = cache_.find(key);
    if (found != cache_.end()) return found->second;
  }
  // Highlighting runs unlocked: it asks find() for sub-languages.
  auto result = std::make_shared<Highlighted>();
  if (automatic) {
    *result = highlight_auto_with(*this, code, {});
  } else if (const Grammar* grammar = find(language)) {
    *result = highlight_with(*this, *grammar, code);
  } else {
    result->events = plain_events(code);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (cache_bytes_ + key.size() * 3 <= kCacheBytes) {
    cache_bytes_ += key.size() * 3;
    cache_.emplace(key, result);
  }
  return result;
}

std::shared_ptr<const Highlighted> Languages::highlight(std::string_view language,
                                                        std::string_view code) {
  std::string key = lower(language);
  key += '\n';
  key += code;
  return cached(key, false, language, code);
}

std::shared_ptr<const Highlighted> Languages::highlight_auto(std::string_view code) {
  std::string key = "\n";
  key += code;
  return cached(key, true, {}, code);
}

}  // namespace deckpdf::highlight

// layout/svg_external — other SVG files an SVG draws: `use` of an element
// in another file (`href="icons.svg#gear"`) and the checks it shares with
// `image` of an SVG file (svg_image.cpp). The file is found as `img` finds
// one (inside the deck's folder, relative to this SVG's own folder),
// within the same budgets; a file that would draw itself through others
// is refused with a warning naming the chain. Each file is read and
// indexed once per drawing, at most `max_files` of them.
#include <algorithm>
#include <filesystem>

#include "layout/svg_draw.h"

namespace deckpdf::layout::svg {

namespace {

constexpr size_t max_files = 16;

}  // namespace

// Another file's tree, where its references are looked up, what drawing
// it found wrong, and a Drawer over it (its ids and style sheet).
struct Drawer::External {
  Tree tree;
  std::optional<Env> env;
  std::string why;  // why it cannot be drawn; "" when it can
  std::vector<std::string> problems;
  std::unique_ptr<Drawer> drawer;
};

// The Env of an SVG file this one draws: one level deeper, this file
// among the outer ones.
Env Drawer::inner_env() const {
  Env e{env_.shaper, env_.deck_dir, env_.asset_root, "", env_.limits, env_.depth + 1, "", {}};
  e.outer = env_.outer;
  if (!env_.file.empty()) e.outer.push_back(env_.file);
  return e;
}

// Whether the file `inner` was loaded from is this one or one that draws
// it: then a problem names the chain, and it is not drawn.
bool Drawer::draws_itself(const Env& inner, const std::string& what) {
  if (inner.file.empty()) return false;
  bool cycle = inner.file == env_.file ||
               std::find(env_.outer.begin(), env_.outer.end(), inner.file) != env_.outer.end();
  if (!cycle) return false;
  std::string chain;
  for (const std::string& f : env_.outer) chain += f + " -> ";
  chain += env_.file + " -> " + inner.file;
  problem(what + " would draw itself (" + chain + "); it is left out");
  return true;
}

void Drawer::external_use(const Node& n, const State& s, const std::string& href, int use_depth) {
  size_t hash = href.find('#');
  std::string file = href.substr(0, hash);
  std::string id = hash == std::string::npos ? "" : href.substr(hash + 1);
  bool relative = !file.empty() && file[0] != '/' && file.find(':') == std::string::npos;
  std::string src = relative ? env_.base + file : file;
  std::string what = "use '" + href + "'";
  // This file by name: a local reference.
  if (relative && !env_.file.empty() &&
      std::filesystem::path(src).lexically_normal().generic_string() == env_.file) {
    auto it = ids_.find(id);
    if (it != ids_.end()) use_target(it->second, n, s, use_depth + 1);
    return;
  }
  if (env_.depth >= 2) {
    lack("other SVG files nested more than two deep");
    return;
  }
  auto found = external_.find(src);
  if (found == external_.end()) {
    if (external_.size() >= max_files) {
      problem("uses more than " + std::to_string(max_files) +
              " other SVG files; the rest are left out");
      return;
    }
    auto ext = std::make_shared<External>();
    ext->env.emplace(inner_env());
    ext->tree = load(src, *ext->env, ext->why);
    if (ext->tree.ok() && draws_itself(*ext->env, what)) ext->why = "cycle";
    if (ext->tree.ok() && ext->why.empty()) {
      ext->drawer = std::make_unique<Drawer>(ext->tree, *ext->env, out_, ext->problems);
    }
    found = external_.emplace(src, std::move(ext)).first;
  }
  External& ext = *found->second;
  if (!ext.drawer) {
    if (ext.why != "cycle") problem(what + " " + ext.why);
    return;
  }
  Drawer& other = *ext.drawer;
  uint32_t tid = 0;  // no fragment: the whole file
  if (!id.empty()) {
    auto it = other.ids_.find(id);
    if (it == other.ids_.end()) {
      problem(what + " names no element of that file; it is left out");
      return;
    }
    tid = it->second;
  }
  // One budget for both files.
  other.instances_left_ = instances_left_;
  other.segments_left_ = segments_left_;
  other.use_target(tid, n, s, use_depth + 1);
  instances_left_ = other.instances_left_;
  segments_left_ = other.segments_left_;
  stopped_ = stopped_ || other.stopped_;
  lacks_.insert(other.lacks_.begin(), other.lacks_.end());
  for (const std::string& p : ext.problems) problem(what + " " + p);
}

}  // namespace deckpdf::layout::svg

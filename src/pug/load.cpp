// pug/load.cpp — includes read and linked, extends applied (see load.h).
//
// Reference: pug-load and pug-linker (pugjs/pug). Deviations:
//   - Files come only from inside the root folder, and only regular files
//     (never a device, a FIFO or a folder); depth and bytes are bounded.
//   - A cycle is an error at the include or extends that closes it, not a
//     stack overflow; errors never stop the linker.
#include "pug/load.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "pug/lexer.h"
#include "pug/parse.h"
#include "source/files.h"

namespace deckpdf::pug {

namespace {

namespace fs = std::filesystem;

// Lexer diagnostics are in the file's own offsets: moved to the span space.
void rebase_into(const Diagnostics& local, uint32_t base, Diagnostics& out) {
  for (Diagnostic d : local.items()) {
    if (!d.file) {
      d.span.begin += base;
      d.span.end += base;
    }
    out.add(std::move(d));
  }
}

void walk_named(AstNode& n, const std::string& name, const std::vector<AstNode>& nodes,
                const std::string& mode) {
  for (AstNode& c : n.children) {
    if (c.kind == AstKind::NamedBlock && c.name == name && c.key == "replace") {
      if (mode == "append") {
        c.children.insert(c.children.end(), nodes.begin(), nodes.end());
      } else if (mode == "prepend") {
        c.children.insert(c.children.begin(), nodes.begin(), nodes.end());
      } else {
        c.children = nodes;
      }
      continue;  // a block of the same name inside is the child's own
    }
    walk_named(c, name, nodes, mode);
  }
}

bool has_named(const AstNode& n, const std::string& name) {
  for (const AstNode& c : n.children) {
    if ((c.kind == AstKind::NamedBlock && c.name == name) || has_named(c, name)) return true;
  }
  return false;
}

// The child's named blocks in walk order; one inside a block of the same
// name is the same block (pug-linker's stack).
void collect_blocks(const AstNode& n, std::vector<const AstNode*>& out,
                    std::vector<std::string>& open) {
  for (const AstNode& c : n.children) {
    bool named = c.kind == AstKind::NamedBlock;
    bool nested_same = named && std::find(open.begin(), open.end(), c.name) != open.end();
    if (named && !nested_same) {
      out.push_back(&c);
      open.push_back(c.name);
    }
    collect_blocks(c, out, open);
    if (named && !nested_same) open.pop_back();
  }
}

// Where an include's block goes when the file has no `yield`: the last
// node with a block, recursively (pug-linker's defaultYieldLocation); a
// tag whose block is text (`script.`) takes none.
AstNode& default_yield_location(AstNode& n) {
  AstNode* res = &n;
  for (AstNode& c : n.children) {
    if (c.text_only) continue;
    if (c.kind == AstKind::Block || !c.children.empty()) res = &default_yield_location(c);
  }
  return *res;
}

bool apply_yield(AstNode& n, const AstNode& block) {
  for (AstNode& c : n.children) {
    if (c.kind == AstKind::YieldBlock) {
      c.kind = AstKind::Block;
      c.children = block.children;
      return true;
    }
    if (apply_yield(c, block)) return true;
  }
  return false;
}

class Linker {
 public:
  Linker(const LinkContext& ctx, Diagnostics& diags) : ctx_(ctx), diags_(diags) {
    std::error_code ec;
    root_ = fs::weakly_canonical(fs::absolute(ctx.root, ec), ec);
  }

  void link_file(AstNode& tree, const fs::path& file) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(fs::absolute(file, ec), ec);
    stack_.push_back(canonical);  // (it grows: `canonical` is a copy, not a reference into it)
    link(tree, canonical);
    stack_.pop_back();
  }

 private:
  // pug-linker's link(): includes applied, then the extends (if first).
  void link(AstNode& tree, const fs::path& file) {
    bool extends = false;
    for (size_t k = 0; k < tree.children.size(); ++k) {
      AstNode& c = tree.children[k];
      if (c.kind != AstKind::Extends) continue;
      if (k == 0) {
        extends = true;
      } else {
        diags_.error(c.span, "pug.extends-not-first",
                     "`extends` must be the first thing in the file, and only once");
      }
    }
    includes(tree, file);
    if (!extends) return;
    AstNode ext = std::move(tree.children.front());
    tree.children.erase(tree.children.begin());
    std::vector<AstNode> mixins;
    std::vector<const AstNode*> expected;
    auto add = [&](const AstNode& c, auto& self) -> void {
      if (c.kind == AstKind::NamedBlock) {
        expected.push_back(&c);
      } else if (c.kind == AstKind::Block) {
        for (const AstNode& inner : c.children) self(inner, self);
      } else if (c.kind == AstKind::MixinDef) {
        mixins.push_back(c);
      } else if (c.kind != AstKind::Comment) {
        diags_.error(c.span, "pug.extends-root",
                     "only named blocks and mixins can be at the top level of a file that "
                     "extends another; this is left out");
      }
    };
    for (const AstNode& c : tree.children) add(c, add);
    std::optional<AstNode> parent = load_pug(ext, file);
    if (!parent) {
      // No layout: the blocks are kept in place, in order.
      return;
    }
    std::vector<const AstNode*> blocks;
    std::vector<std::string> open;
    collect_blocks(tree, blocks, open);
    for (const AstNode* b : blocks) walk_named(*parent, b->name, b->children, b->key);
    for (const AstNode* b : expected) {
      if (!has_named(*parent, b->name)) {
        diags_.error(b->span, "pug.unexpected-block",
                     "block '" + b->name + "' is not in the layout this file extends");
      }
    }
    mixins.insert(mixins.end(), std::make_move_iterator(parent->children.begin()),
                  std::make_move_iterator(parent->children.end()));
    tree.children = std::move(mixins);
  }

  // Every Include in the tree replaced by what it names.
  void includes(AstNode& n, const fs::path& file) {
    for (AstNode& c : n.children) {
      if (c.kind != AstKind::Include) {
        includes(c, file);
        continue;
      }
      AstNode block;
      block.span = c.span;
      block.children = std::move(c.children);
      includes(block, file);
      std::optional<AstNode> r = include(c, file, block);
      if (r) c = std::move(*r);
    }
  }

  std::optional<AstNode> include(const AstNode& inc, const fs::path& file, const AstNode& block) {
    fs::path target = inc.value;
    bool pug = inc.filters.empty() && (!target.has_extension() || target.extension() == ".pug" ||
                                       target.extension() == ".jade");
    if (pug) return load_pug(inc, file, &block);
    std::optional<Loaded> f = read(inc, file);
    if (!f) return std::nullopt;
    AstNode text;
    text.kind = AstKind::Text;
    text.span = {f->base, f->base + static_cast<uint32_t>(f->source->text().size())};
    text.value = std::string(f->source->text());
    if (inc.filters.empty()) return text;
    AstNode filter;
    filter.kind = AstKind::Filter;
    filter.span = inc.span;
    filter.filters = inc.filters;
    filter.name = inc.filters.back().name;
    filter.children.push_back(std::move(text));
    filter.is_inline = true;
    return filter;
  }

  // A Pug file named by `node` (include or extends), parsed and linked.
  std::optional<AstNode> load_pug(const AstNode& node, const fs::path& file,
                                  const AstNode* block = nullptr) {
    std::optional<Loaded> f = read(node, file);
    if (!f) return std::nullopt;
    Diagnostics local;
    source_check_encoding(*f->source, local);
    std::vector<Token> tokens = lex(*f->source, 0, local);
    rebase_into(local, f->base, diags_);
    AstNode tree = parse_tree(tokens, f->base, diags_);
    stack_.push_back(f->canonical);
    link(tree, f->canonical);
    stack_.pop_back();
    if (block && !block->children.empty() && !apply_yield(tree, *block)) {
      default_yield_location(tree).children.push_back(*block);
    }
    tree.kind = AstKind::Block;
    return tree;
  }

  struct Loaded {
    std::shared_ptr<const Source> source;
    uint32_t base;
    fs::path canonical;
  };

  // The file `node` names, checked and read, or nothing (with an error at `node`).
  std::optional<Loaded> read(const AstNode& node, const fs::path& file) {
    auto fail = [&](const std::string& why) -> std::optional<Loaded> {
      diags_.error(node.span, "pug.include", "cannot include '" + node.value + "': " + why);
      return std::nullopt;
    };
    if (node.value.empty()) return std::nullopt;  // reported by the parser
    fs::path rel = node.value;
    if (node.kind == AstKind::Extends || node.filters.empty()) {
      if (!rel.has_extension()) rel += ".pug";
    }
    fs::path full = rel.is_absolute() ? root_ / rel.relative_path() : file.parent_path() / rel;
    std::optional<fs::path> inside = path_resolve_inside(root_, full);
    if (!inside) return fail("it is outside the root folder " + root_.string() + " (--basedir)");
    for (const fs::path& open : stack_) {
      if (open == *inside) return fail("it includes itself (a cycle); not followed");
    }
    if (stack_.size() > max_include_depth) {
      return fail("includes nest more than " + std::to_string(max_include_depth) + " deep");
    }
    std::error_code ec;
    fs::file_status st = fs::status(*inside, ec);
    if (ec || !fs::exists(st)) return fail("no such file");
    if (fs::is_directory(st)) return fail("it is a folder");
    if (!fs::is_regular_file(st)) return fail("it is not a regular file (a device or a FIFO)");
    auto cached = cache_.find(inside->string());
    if (cached != cache_.end()) {
      bytes_ += cached->second.source->text().size();
      if (bytes_ > max_include_bytes) return fail("the deck includes more than 32 MB in all");
      return cached->second;
    }
    std::optional<std::string> bytes = file_read_all(inside->string(), max_include_bytes);
    if (!bytes) return fail("it cannot be read, or is larger than 32 MB");
    bytes_ += bytes->size();
    if (bytes_ > max_include_bytes) return fail("the deck includes more than 32 MB in all");
    auto source = std::make_shared<const Source>(inside->string(), std::move(*bytes));
    std::optional<uint32_t> base = ctx_.files->add(source);
    if (!base) return fail("too many files");
    Loaded loaded{source, *base, *inside};
    cache_.emplace(inside->string(), loaded);
    return loaded;
  }

  const LinkContext& ctx_;
  Diagnostics& diags_;
  fs::path root_;
  std::vector<fs::path> stack_;  // the files being linked, outermost first
  std::map<std::string, Loaded> cache_;
  size_t bytes_ = 0;
};

}  // namespace

void link(AstNode& tree, const LinkContext& context, Diagnostics& diags) {
  Linker(context, diags).link_file(tree, context.deck_path);
}

}  // namespace deckpdf::pug

// Pack validation: the catalog's own checks, then content checks, then each media file decoded
// by a child process with a time limit.
#include "pack_validator.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "kiosk/catalog/catalog.h"
#include "kiosk/catalog/json_document.h"

extern char** environ;

namespace etalase::kiosk {

namespace fs = std::filesystem;

bool PackReport::passed() const { return errorCount() == 0; }

int PackReport::errorCount() const {
  return static_cast<int>(std::count_if(problems.begin(), problems.end(), [](const PackProblem& p) { return p.fatal; }));
}

int PackReport::warningCount() const { return static_cast<int>(problems.size()) - errorCount(); }

namespace {

// ---------------------------------------------------------------- the child process

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd = -1) : m_fd(fd) {}
  ~FileDescriptor() { reset(); }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return m_fd; }
  void reset() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
  }

 private:
  int m_fd;
};

class SpawnFileActions {
 public:
  SpawnFileActions() { posix_spawn_file_actions_init(&m_actions); }
  ~SpawnFileActions() { posix_spawn_file_actions_destroy(&m_actions); }
  SpawnFileActions(const SpawnFileActions&) = delete;
  SpawnFileActions& operator=(const SpawnFileActions&) = delete;
  posix_spawn_file_actions_t* get() { return &m_actions; }

 private:
  posix_spawn_file_actions_t m_actions;
};

class SpawnAttributes {
 public:
  SpawnAttributes() { posix_spawnattr_init(&m_attributes); }
  ~SpawnAttributes() { posix_spawnattr_destroy(&m_attributes); }
  SpawnAttributes(const SpawnAttributes&) = delete;
  SpawnAttributes& operator=(const SpawnAttributes&) = delete;
  posix_spawnattr_t* get() { return &m_attributes; }

 private:
  posix_spawnattr_t m_attributes;
};

// A child in its own process group; killed with everything it started if still running when
// this goes out of scope.
class ChildGroup {
 public:
  explicit ChildGroup(pid_t pid) : m_pid(pid) {}
  ~ChildGroup() {
    if (m_pid > 0) {
      ::kill(-m_pid, SIGKILL);
      int status = 0;
      ::waitpid(m_pid, &status, 0);
    }
  }
  ChildGroup(const ChildGroup&) = delete;
  ChildGroup& operator=(const ChildGroup&) = delete;
  pid_t pid() const { return m_pid; }
  void reaped() { m_pid = -1; }

 private:
  pid_t m_pid;
};

struct ChildOutcome {
  enum class How { Exited, Signalled, TimedOut, NotStarted } how = How::NotStarted;
  int code = 0;  // exit status, signal number, or errno when not started
  std::string lastLine;
};

// Keeps the end of what the child writes: the reason is its last line.
void readAvailable(int fd, std::string& tail, bool& open) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      tail.append(buffer, static_cast<std::size_t>(n));
      if (tail.size() > 16384) tail.erase(0, tail.size() - 8192);
      continue;
    }
    if (n == 0) open = false;
    if (n < 0 && errno == EINTR) continue;
    return;
  }
}

std::string lastLine(const std::string& text) {
  std::size_t end = text.find_last_not_of(" \t\r\n");
  if (end == std::string::npos) return {};
  const std::size_t start = text.rfind('\n', end);
  return printable(text.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start == std::string::npos ? 0 : start + 1)));
}

ChildOutcome runChild(const std::vector<std::string>& arguments, std::chrono::milliseconds timeout,
                      const std::function<bool()>& cancelled) {
  ChildOutcome outcome;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    outcome.code = errno;
    return outcome;
  }
  FileDescriptor readEnd(fds[0]);
  FileDescriptor writeEnd(fds[1]);
  ::fcntl(readEnd.get(), F_SETFL, O_NONBLOCK);

  SpawnFileActions actions;
  posix_spawn_file_actions_addopen(actions.get(), 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(actions.get(), 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(actions.get(), writeEnd.get(), 2);
  SpawnAttributes attributes;
  // Its own process group, so a timeout kills whatever the checker started too.
  posix_spawnattr_setflags(attributes.get(), POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(attributes.get(), 0);
  sigset_t signals;
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(attributes.get(), &signals);
  sigaddset(&signals, SIGPIPE);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  posix_spawnattr_setsigdefault(attributes.get(), &signals);

  std::vector<char*> argv;
  for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (const int rc = ::posix_spawnp(&pid, argv[0], actions.get(), attributes.get(), argv.data(), environ); rc != 0) {
    outcome.code = rc;
    return outcome;
  }
  ChildGroup child(pid);
  writeEnd.reset();

  std::string tail;
  bool pipeOpen = true;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      child.reaped();
      readAvailable(readEnd.get(), tail, pipeOpen);
      if (WIFSIGNALED(status)) {
        outcome.how = ChildOutcome::How::Signalled;
        outcome.code = WTERMSIG(status);
      } else {
        outcome.how = ChildOutcome::How::Exited;
        outcome.code = WEXITSTATUS(status);
      }
      break;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline || (cancelled && cancelled())) {
      outcome.how = ChildOutcome::How::TimedOut;
      readAvailable(readEnd.get(), tail, pipeOpen);
      break;  // ChildGroup kills and reaps it
    }
    // Wakes on output or after a short while to look at the child again.
    const auto wait = std::min<std::chrono::milliseconds>(
        std::chrono::milliseconds(50), std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now) + std::chrono::milliseconds(1));
    pollfd watched{readEnd.get(), POLLIN, 0};
    ::poll(pipeOpen ? &watched : nullptr, pipeOpen ? 1 : 0, static_cast<int>(wait.count()));
    if (pipeOpen) readAvailable(readEnd.get(), tail, pipeOpen);
  }
  outcome.lastLine = lastLine(tail);
  return outcome;
}

// ---------------------------------------------------------------- helpers

std::string relativeName(const fs::path& file, const fs::path& root) {
  const fs::path relative = file.lexically_relative(root);
  return printable((relative.empty() ? file : relative).generic_string());
}

std::string sizeText(std::uintmax_t bytes) {
  constexpr double kMiB = 1024.0 * 1024.0;
  if (bytes >= 1024ull * 1024 * 1024) return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / (kMiB * 1024.0));
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

std::string secondsText(std::chrono::milliseconds duration) {
  return fmt::format("{:g} s", static_cast<double>(duration.count()) / 1000.0);
}

bool isKnownLanguage(const std::string& code) {
  return std::any_of(std::begin(kKnownLanguages), std::end(kKnownLanguages), [&](const char* known) { return code == known; });
}

// Splits loadCatalog's "PACK/pack.json: products[0].name" into file and field.
PackProblem fromCatalogError(const Error& error, const fs::path& pack, bool fatal) {
  const std::string manifest = (pack / kManifestName).string();
  PackProblem problem{kManifestName, "", error.what, fatal};
  if (error.where.rfind(manifest, 0) != 0) {
    problem.file = error.where;  // about the folder itself
  } else if (error.where.size() > manifest.size() + 2) {
    problem.field = error.where.substr(manifest.size() + 2);
  }
  return problem;
}

// ---------------------------------------------------------------- content checks

template <typename Item>
void checkDuplicateIds(const std::vector<Item>& items, const char* list, std::vector<PackProblem>& problems) {
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto [it, isNew] = first.emplace(items[i].id, i);
    if (!isNew) {
      problems.push_back({kManifestName, fmt::format("{}[{}].id", list, i),
                          fmt::format("\"{}\" is also the id of {}[{}]", items[i].id, list, it->second), true});
    }
  }
}

void checkContacts(const Catalog& catalog, std::vector<PackProblem>& problems) {
  for (std::size_t i = 0; i < catalog.producers.size(); ++i) {
    const Producer& producer = catalog.producers[i];
    const Contact& contact = producer.contact;
    if (!contact.whatsapp.empty() || !contact.email.empty() || !contact.website.empty()) continue;
    std::vector<std::string> products;
    for (std::size_t k = 0; k < catalog.products.size(); ++k) {
      if (catalog.products[k].producerId == producer.id) products.push_back(fmt::format("products[{}]", k));
    }
    if (products.empty()) continue;
    problems.push_back({kManifestName, fmt::format("producers[{}].contact", i),
                        fmt::format("producer \"{}\" has no WhatsApp, e-mail or website, so buyers of {} cannot reach it",
                                    producer.id, fmt::join(products, ", ")),
                        false});
  }
}

void checkLanguages(const Catalog& catalog, std::vector<PackProblem>& problems) {
  std::vector<std::pair<std::string, const LocalizedText*>> texts{{"pack.title", &catalog.title}};
  for (std::size_t i = 0; i < catalog.producers.size(); ++i) {
    const Producer& p = catalog.producers[i];
    texts.push_back({fmt::format("producers[{}].name", i), &p.name});
    texts.push_back({fmt::format("producers[{}].region", i), &p.region});
    texts.push_back({fmt::format("producers[{}].story", i), &p.story});
  }
  for (std::size_t i = 0; i < catalog.products.size(); ++i) {
    const Product& p = catalog.products[i];
    texts.push_back({fmt::format("products[{}].name", i), &p.name});
    texts.push_back({fmt::format("products[{}].description", i), &p.description});
    texts.push_back({fmt::format("products[{}].materials", i), &p.materials});
  }
  const std::string known = "en, id, zh, ms";
  std::set<std::string> reported;
  if (!isKnownLanguage(catalog.defaultLanguage)) {
    reported.insert(catalog.defaultLanguage);
    problems.push_back({kManifestName, "pack.default_language",
                        fmt::format("\"{}\" is not a language the kiosk offers ({})", catalog.defaultLanguage, known), false});
  }
  for (std::size_t i = 0; i < catalog.languages.size(); ++i) {
    if (isKnownLanguage(catalog.languages[i]) || !reported.insert(catalog.languages[i]).second) continue;
    problems.push_back({kManifestName, fmt::format("pack.languages[{}]", i),
                        fmt::format("\"{}\" is not a language the kiosk offers ({})", catalog.languages[i], known), false});
  }
  for (const auto& [where, text] : texts) {
    for (const auto& [language, value] : *text) {
      if (isKnownLanguage(language) || !reported.insert(language).second) continue;
      problems.push_back({kManifestName, where + "." + language,
                          fmt::format("\"{}\" is not a language the kiosk offers ({}); texts in it are never shown",
                                      language, known),
                          false});
    }
  }
  // The default language is what a visitor sees first: every text should have it.
  for (const auto& [where, text] : texts) {
    if (text->empty()) continue;
    const auto it = text->find(catalog.defaultLanguage);
    if (it == text->end() || it->second.empty()) {
      problems.push_back({kManifestName, where,
                          fmt::format("has no text in the pack's default language ({})", catalog.defaultLanguage), false});
    }
  }
}

// ---------------------------------------------------------------- media checks

std::optional<PackProblem> checkMediaFile(const PackFile& file, const fs::path& root, const ValidateOptions& options) {
  const bool video = file.kind == PackFile::Kind::Video;
  const std::string name = relativeName(file.path, root);
  auto problem = [&](std::string what) { return PackProblem{name, file.field, std::move(what), true}; };

  std::error_code ec;
  const std::uintmax_t size = fs::file_size(file.path, ec);
  if (ec) return problem("cannot read the file: " + ec.message());
  const std::uintmax_t limit = video ? options.maxVideoBytes : options.maxImageBytes;
  if (size > limit) {
    return problem(fmt::format("the {} is {}, more than the {} a {} may be", video ? "video" : "picture",
                               sizeText(size), sizeText(limit), video ? "video" : "picture"));
  }
  if (size == 0) return problem("the file is empty");
  if (options.mediaChecker.empty()) return std::nullopt;

  std::vector<std::string> arguments = options.mediaChecker;
  for (std::string argument : {std::string("--kind"), std::string(video ? "video" : "image"), std::string("--max-size"),
                               fmt::format("{}x{}", options.maxImageWidth, options.maxImageHeight), std::string("--"),
                               file.path.string()}) {
    arguments.push_back(std::move(argument));
  }
  const ChildOutcome outcome = runChild(arguments, options.perFileTimeout, options.cancelled);
  switch (outcome.how) {
    case ChildOutcome::How::Exited:
      if (outcome.code == 0) return std::nullopt;
      return problem(outcome.lastLine.empty() ? fmt::format("the decoder failed (exit status {})", outcome.code)
                                              : outcome.lastLine);
    case ChildOutcome::How::Signalled:
      return problem(fmt::format("the decoder crashed (signal {})", outcome.code));
    case ChildOutcome::How::TimedOut:
      return problem(fmt::format("decoding did not finish in {}", secondsText(options.perFileTimeout)));
    case ChildOutcome::How::NotStarted:
      return PackProblem{"", "", fmt::format("cannot run the media checker {}: {}", options.mediaChecker.front(),
                                             std::strerror(outcome.code)), true};
  }
  return std::nullopt;
}

void checkMedia(const LoadedCatalog& loaded, const ValidateOptions& options, PackReport& report) {
  // A file named twice (a product's video is usually in the attract loop too) is checked once.
  std::vector<const PackFile*> files;
  std::set<fs::path> seen;
  for (const PackFile& file : loaded.files) {
    if (file.found && seen.insert(file.path).second) files.push_back(&file);
  }
  const fs::path& root = loaded.catalog.root;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const PackFile& file = *files[i];
    if (options.cancelled && options.cancelled()) {
      report.problems.push_back({std::string(kManifestName), "", "the check was cancelled", true});
      return;
    }
    if (options.progress) {
      options.progress({static_cast<int>(i + 1), static_cast<int>(files.size()),
                        file.kind == PackFile::Kind::Video ? "video" : "image", relativeName(file.path, root)});
    }
    std::optional<PackProblem> problem = checkMediaFile(file, root, options);
    ++report.mediaFilesChecked;
    if (!problem) continue;
    const bool checkerMissing = problem->file.empty();
    report.problems.push_back(std::move(*problem));
    if (checkerMissing) return;  // every other file would say the same
  }
}

}  // namespace

PackReport validatePack(const fs::path& pack, const ValidateOptions& options) {
  PackReport report;
  auto loaded = loadCatalog(pack);
  if (!loaded) {
    report.problems.push_back(fromCatalogError(loaded.error(), pack, true));
    return report;
  }
  for (const Error& warning : loaded.value().warnings) {
    report.problems.push_back(fromCatalogError(warning, pack, false));
  }
  const Catalog& catalog = loaded.value().catalog;
  checkDuplicateIds(catalog.producers, "producers", report.problems);
  checkDuplicateIds(catalog.products, "products", report.problems);
  if (catalog.products.empty()) report.problems.push_back({kManifestName, "products", "the pack has no products", false});
  if (catalog.attract.empty()) {
    report.problems.push_back({kManifestName, "attract",
                               "no video to play: the screen stays still until a visitor touches it", false});
  }
  checkContacts(catalog, report.problems);
  checkLanguages(catalog, report.problems);
  checkMedia(loaded.value(), options, report);
  return report;
}

}  // namespace etalase::kiosk

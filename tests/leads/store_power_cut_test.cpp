// etalase-leads run as a real process: its commands as staff and organisers use them, and the
// crash test. `etalase-leads bench` adds leads and prints `committed <uuid>`
// after each add() returned; it is killed with SIGKILL at a random moment, hundreds of times.
// Every lead it reported committed must be in the database, which must pass SQLite's integrity
// check (ours and the sqlite3 shell's) and open normally again. SIGKILL stops the process, not
// the machine: what the kernel had accepted still reaches the disk, so this proves atomic commits
// and recovery of an interrupted WAL; durability against a real power cut rests on
// synchronous=FULL (see lead_store.cpp). ETALASE_POWER_CUT_RUNS sets the number of runs.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kiosk/leads/lead_store.h"
#include "test_support.h"

extern char** environ;

namespace etalase::leads {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

int runsWanted() {
  const char* value = std::getenv("ETALASE_POWER_CUT_RUNS");
  return value && std::atoi(value) > 0 ? std::atoi(value) : 200;
}

// Starts `etalase-leads bench DB`, kills it `delay` after it started (or, with `afterFirstCommit`,
// after its first commit: a process's start-up takes longer than the delays under the sanitizers)
// and returns the uuids it reported committed (complete lines only: a line cut short by the kill
// does not count).
std::vector<std::string> benchUntilKilled(const fs::path& database, std::chrono::milliseconds delay,
                                          bool afterFirstCommit) {
  int pipeEnds[2];
  if (::pipe2(pipeEnds, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe";
    return {};
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO);
  std::string program = ETALASE_LEADS_EXECUTABLE, command = "bench", file = database.string(),
              countOption = "--count", count = "1000000";
  char* argv[] = {program.data(),     command.data(), file.data(),
                  countOption.data(), count.data(),   nullptr};
  pid_t child = -1;
  const int spawned = posix_spawn(&child, program.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipeEnds[1]);
  if (spawned != 0) {
    ::close(pipeEnds[0]);
    ADD_FAILURE() << "cannot start " << program;
    return {};
  }
  std::string output;
  char buffer[4096];
  auto killAt = afterFirstCommit ? std::chrono::steady_clock::time_point::max()
                                 : std::chrono::steady_clock::now() + delay;
  bool killed = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::min(killAt, std::chrono::steady_clock::now() + 10s) - std::chrono::steady_clock::now());
    if (!killed && left <= 0ms) {
      ::kill(child, SIGKILL);
      killed = true;
    }
    pollfd readable{pipeEnds[0], POLLIN, 0};
    if (::poll(&readable, 1, killed ? -1 : static_cast<int>(left.count()) + 1) <= 0) continue;
    const ssize_t n = ::read(pipeEnds[0], buffer, sizeof buffer);
    if (n <= 0) break;  // killed and drained (or it ended on its own, which the status shows)
    if (afterFirstCommit && output.empty()) killAt = std::chrono::steady_clock::now() + delay;
    output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipeEnds[0]);
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "bench ended by itself: " << status;
  std::vector<std::string> committed;
  for (std::size_t start = 0, end; (end = output.find('\n', start)) != std::string::npos;
       start = end + 1) {
    const std::string line = output.substr(start, end - start);
    if (line.rfind("committed ", 0) == 0) committed.push_back(line.substr(10));
  }
  return committed;
}

struct CommandResult {
  int exitCode = -1;
  std::string output;  // stdout and stderr
};

CommandResult runCommand(const std::string& command) {
  CommandResult result;
  FILE* shell = ::popen((command + " 2>&1").c_str(), "r");
  if (!shell) return result;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, shell)) result.output += buffer;
  const int status = ::pclose(shell);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

std::string leadsTool(const std::string& arguments) {
  return std::string(ETALASE_LEADS_EXECUTABLE) + " " + arguments;
}

TEST(LeadsTool, BenchAddsLeadsOneByOneAndReportsTheCommitTimes) {
  const fs::path database = test::freshTempDirectory("tool-bench") / "leads.db";
  const CommandResult bench = runCommand(leadsTool("bench " + quoted(database) + " --count 25"));
  ASSERT_EQ(bench.exitCode, 0) << bench.output;
  std::size_t committedLines = 0;
  for (std::size_t at = 0; (at = bench.output.find("committed ", at)) != std::string::npos; ++at) {
    ++committedLines;
  }
  EXPECT_EQ(committedLines, 25u);
  EXPECT_NE(bench.output.find("median "), std::string::npos) << bench.output;
  EXPECT_NE(bench.output.find("p99 "), std::string::npos) << bench.output;
  EXPECT_NE(bench.output.find("25 leads in"), std::string::npos) << bench.output;

  const CommandResult again = runCommand(leadsTool("bench " + quoted(database) + " -n 5"));
  ASSERT_EQ(again.exitCode, 0) << again.output;
  const CommandResult check = runCommand(leadsTool("check " + quoted(database)));
  EXPECT_EQ(check.exitCode, 0) << check.output;
  EXPECT_EQ(check.output, database.string() + ": ok, 30 leads\n");
}

TEST(LeadsTool, CheckSaysClearlyWhatIsWrongWithAFile) {
  const fs::path dir = test::freshTempDirectory("tool-check");
  const CommandResult missing = runCommand(leadsTool("check " + quoted(dir / "missing.db")));
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_EQ(missing.output, "etalase-leads: " + (dir / "missing.db").string() + ": no such file\n");
  EXPECT_FALSE(fs::exists(dir / "missing.db"));

  runCommand("echo 'not a database' > " + quoted(dir / "text.db"));
  const CommandResult text = runCommand(leadsTool("check " + quoted(dir / "text.db")));
  EXPECT_EQ(text.exitCode, 1);
  EXPECT_NE(text.output.find("text.db: reading the lead database: file is not a database"),
            std::string::npos)
      << text.output;

  const CommandResult help = runCommand(leadsTool("--help"));
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.output.find("bench"), std::string::npos);
  EXPECT_NE(help.output.find("check"), std::string::npos);
  EXPECT_NE(runCommand(leadsTool("")).exitCode, 0);  // a command is required
}

TEST(PowerCut, EveryLeadReportedCommittedSurvivesAKillAtARandomMoment) {
  const fs::path database = test::freshTempDirectory("power-cut") / "leads.db";
  const int runs = runsWanted();
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> delayMs(1, 60);
  std::set<std::string> committed;
  std::size_t lost = 0;
  for (int run = 1; run <= runs; ++run) {
    // Every other run is killed counted from its start, so some die while opening the database.
    const auto uuids = benchUntilKilled(database, std::chrono::milliseconds(delayMs(random) * (run % 2 ? 1 : 4)),
                                        run % 2 == 1);
    committed.insert(uuids.begin(), uuids.end());
    if (!fs::exists(database)) continue;     // killed before it created the file
    auto store = LeadStore::open(database);  // also recovers the interrupted WAL
    ASSERT_TRUE(store) << "run " << run << ": " << store.error().text();
    for (const std::string& uuid : uuids) {
      auto found = store.value().contains(uuid);
      ASSERT_TRUE(found) << found.error().text();
      if (!found.value()) ++lost;
    }
    if (run % 25 == 0 || run == runs) {
      EXPECT_FALSE(store.value().integrityCheck()) << "run " << run;
      const CommandResult shell =
          runCommand("sqlite3 " + quoted(database) + " 'PRAGMA integrity_check'");
      EXPECT_EQ(shell.exitCode, 0);
      EXPECT_EQ(shell.output, "ok\n") << "run " << run;
    }
  }
  auto store = LeadStore::open(database);
  ASSERT_TRUE(store) << store.error().text();
  const std::int64_t inDatabase = store.value().count().value();
  std::printf(
      "[ power cut ] %d runs killed with SIGKILL, %zu leads reported committed, "
      "%lld in the database, %zu lost\n",
      runs, committed.size(), static_cast<long long>(inDatabase), lost);
  EXPECT_EQ(lost, 0u);
  EXPECT_GE(inDatabase, static_cast<std::int64_t>(committed.size()));
  EXPECT_GT(committed.size(), 0u) << "no run lived long enough to commit a lead";
}

}  // namespace
}  // namespace etalase::leads

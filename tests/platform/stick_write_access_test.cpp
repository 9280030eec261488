// The kiosk's side of the board's stick helper: what it asks on the socket, and what staff are
// told when the helper refuses, is missing or hangs. A fake helper listens on a socket of the test.
#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>

#include "platform/fake_stick.h"
#include "platform/stick_write_access.h"
#include "platform/unique_fd.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using etalase::platform::StickHelperClient;
using etalase::platform::StickHelperConfig;
using etalase::platform::StickWriteAccess;
using etalase::platform::StickWriteSession;
using etalase::platform::UniqueFd;
using etalase::test::FakeStick;

namespace {

// Accepts one connection, keeps what was asked, and answers `reply` (or nothing, after `delay`).
class FakeHelper {
 public:
  FakeHelper(const fs::path& socketPath, std::string reply, std::chrono::milliseconds delay = 0ms) {
    m_listener = UniqueFd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socketPath.c_str(), sizeof address.sun_path - 1);
    fs::remove(socketPath);
    if (::bind(m_listener.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(m_listener.get(), 1) != 0) {
      ADD_FAILURE() << "cannot listen on " << socketPath;
      return;
    }
    m_thread = std::thread([this, reply = std::move(reply), delay] {
      UniqueFd client(::accept4(m_listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
      if (!client) return;
      char buffer[1024];
      ssize_t n;
      while ((n = ::recv(client.get(), buffer, sizeof buffer, 0)) > 0) m_request.append(buffer, static_cast<size_t>(n));
      std::this_thread::sleep_for(delay);
      if (!reply.empty()) (void)!::send(client.get(), reply.data(), reply.size(), MSG_NOSIGNAL);
    });
  }
  ~FakeHelper() { join(); }
  void join() {
    if (m_thread.joinable()) m_thread.join();
  }
  const std::string& request() {
    join();
    return m_request;
  }

 private:
  UniqueFd m_listener;
  std::thread m_thread;
  std::string m_request;
};

class StickHelper : public ::testing::Test {
 protected:
  void SetUp() override { folder = etalase::test::freshTempDirectory("stick-helper"); }
  StickHelperClient client(std::chrono::milliseconds timeout = 5000ms) const {
    StickHelperConfig config;
    config.socket = folder / "stick.sock";
    config.timeout = timeout;
    return StickHelperClient(config);
  }
  fs::path folder;
};

TEST_F(StickHelper, AsksForOneStickByItsMountPointAndTakesOk) {
  FakeHelper helper(folder / "stick.sock", "ok\n");
  auto access = client();
  EXPECT_EQ(access.makeWritable("/media/etalase/1234-ABCD"), std::nullopt);
  EXPECT_EQ(helper.request(), "writable /media/etalase/1234-ABCD\n");

  FakeHelper again(folder / "stick.sock", "ok\n");
  EXPECT_EQ(access.makeReadOnly("/media/etalase/1234-ABCD"), std::nullopt);
  EXPECT_EQ(again.request(), "read-only /media/etalase/1234-ABCD\n");
}

TEST_F(StickHelper, TheHelpersReasonReachesStaff) {
  FakeHelper helper(folder / "stick.sock", "error the stick could not be made writable (is its lock switch on?)\n");
  auto failure = client().makeWritable("/media/etalase/1234-ABCD");
  ASSERT_TRUE(failure);
  EXPECT_EQ(*failure, "the stick could not be made writable (is its lock switch on?)");
}

TEST_F(StickHelper, NoHelperRunningIsSaidPlainly) {
  auto failure = client().makeWritable("/media/etalase/1234-ABCD");
  ASSERT_TRUE(failure);
  EXPECT_NE(failure->find("is not running"), std::string::npos) << *failure;
  EXPECT_NE(failure->find("stick.sock"), std::string::npos) << *failure;
}

TEST_F(StickHelper, AHelperThatHangsIsGivenUpOn) {
  FakeHelper helper(folder / "stick.sock", "", 1500ms);
  const auto start = std::chrono::steady_clock::now();
  auto failure = client(300ms).makeWritable("/media/etalase/1234-ABCD");
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(failure);
  EXPECT_NE(failure->find("did not answer within 0.3 s"), std::string::npos) << *failure;
  EXPECT_LT(waited, 1400ms) << "the kiosk waited for the hung helper instead of its own timeout";
}

TEST_F(StickHelper, AnAnswerItDoesNotKnowIsNotTakenForOk) {
  FakeHelper helper(folder / "stick.sock", "okay, maybe\n");
  EXPECT_TRUE(client().makeWritable("/media/etalase/1234-ABCD"));
  FakeHelper silent(folder / "stick.sock", "");
  EXPECT_TRUE(client().makeWritable("/media/etalase/1234-ABCD"));
}

TEST_F(StickHelper, AMountPointWithALineBreakIsNeverSent) {
  FakeHelper helper(folder / "stick.sock", "ok\n");
  EXPECT_TRUE(client().makeWritable("/media/etalase/x\nwritable /"));
  // Nothing reached the helper: connect to it once so its thread ends, and see it empty.
  (void)client().makeWritable("/media/etalase/other");
  EXPECT_EQ(helper.request(), "writable /media/etalase/other\n");
}

TEST(StickWriteSessionTest, AReadOnlyStickIsWritableOnlyWhileTheSessionLasts) {
  FakeStick stick;
  {
    StickWriteSession session(stick, "/media/etalase/S");
    EXPECT_EQ(session.failure(), std::nullopt);
    EXPECT_FALSE(stick.readOnly("/media/etalase/S"));
    EXPECT_FALSE(session.readOnlyAgain()) << "called safe to pull while still writable";
    EXPECT_EQ(session.finish(), std::nullopt);
    EXPECT_TRUE(session.readOnlyAgain());
  }
  EXPECT_TRUE(stick.readOnly("/media/etalase/S")) << "the stick stayed writable after the export";
  EXPECT_EQ(stick.readOnlyAsked, 1);
}

// The kiosk's own view on a board: etalase-stick mounts the file system read-only behind a bind
// that is writable per mount. The kiosk must still see it as read-only, or it would never ask the
// helper and every export would fail. Needs root for a mount namespace of its own.
TEST(StickWriteSessionTest, AFileSystemReadOnlyBehindAWritableMountIsSeenAsReadOnly) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting needs root";
  const fs::path stick = etalase::test::freshTempDirectory("stick-ro-mount");
  constexpr int kCannotMount = 10;
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // In a child with a mount namespace of its own: nothing reaches this machine's mounts.
    if (::unshare(CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0 ||
        ::mount("stick", stick.c_str(), "tmpfs", MS_RDONLY, "size=1m") != 0) {
      ::_exit(kCannotMount);
    }
    if (!etalase::platform::isReadOnlyMount(stick)) ::_exit(1);
    // Per mount writable, the file system still read-only (what `mount -o remount,bind,rw` does).
    if (::mount(nullptr, stick.c_str(), nullptr, MS_REMOUNT | MS_BIND, nullptr) != 0) ::_exit(kCannotMount);
    if (!etalase::platform::isReadOnlyMount(stick)) ::_exit(2);
    // The helper's "writable": the file system itself read-write.
    if (::mount(nullptr, stick.c_str(), nullptr, MS_REMOUNT, "size=1m") != 0) ::_exit(kCannotMount);
    ::_exit(etalase::platform::isReadOnlyMount(stick) ? 3 : 0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == kCannotMount) GTEST_SKIP() << "no mount namespace here";
  EXPECT_NE(WEXITSTATUS(status), 1) << "a read-only mount was not seen as read-only";
  EXPECT_NE(WEXITSTATUS(status), 2) << "a read-only file system behind a writable bind was taken for writable";
  EXPECT_NE(WEXITSTATUS(status), 3) << "a writable file system was seen as read-only";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(StickWriteSessionTest, AWritableStickIsLeftAlone) {
  FakeStick stick;
  stick.setReadOnly(false);  // a desktop's own mount, or a folder standing in for a stick
  { StickWriteSession session(stick, "/media/user/S"); }
  EXPECT_EQ(stick.writableAsked, 0);
  EXPECT_EQ(stick.readOnlyAsked, 0) << "a stick someone else mounted writable was turned read-only";
}

TEST(StickWriteSessionTest, ARefusalSaysTheStickIsReadOnlyAndWhy) {
  FakeStick stick;
  stick.refusal = "locked";
  StickWriteSession session(stick, "/media/etalase/S");
  ASSERT_TRUE(session.failure());
  EXPECT_NE(session.failure()->find("read-only"), std::string::npos);
  EXPECT_NE(session.failure()->find("locked"), std::string::npos);
  EXPECT_EQ(session.finish(), std::nullopt);
  EXPECT_EQ(stick.readOnlyAsked, 0);
}

TEST(StickWriteSessionTest, AStickStillWritableIsNotCalledSafeToPull) {
  FakeStick stick;
  stick.readOnlyRefusal = "device busy";
  StickWriteSession session(stick, "/media/etalase/S");
  const auto stillWritable = session.finish();
  ASSERT_TRUE(stillWritable);
  EXPECT_NE(stillWritable->find("still writable"), std::string::npos) << *stillWritable;
  EXPECT_NE(stillWritable->find("device busy"), std::string::npos) << *stillWritable;
  EXPECT_FALSE(session.readOnlyAgain());
  EXPECT_EQ(session.finish(), std::nullopt) << "asked twice";
  EXPECT_EQ(stick.readOnlyAsked, 1);
}

TEST(StickWriteSessionTest, FinishedOnceEvenWhenAlsoDestroyed) {
  FakeStick stick;
  {
    StickWriteSession session(stick, "/media/etalase/S");
    EXPECT_EQ(session.finish(), std::nullopt);
  }
  EXPECT_EQ(stick.readOnlyAsked, 1);
}

TEST(StickWriteSessionTest, AFolderOnAWritableFileSystemIsNotReadOnly) {
  EXPECT_FALSE(etalase::platform::isReadOnlyMount(etalase::test::freshTempDirectory("stick-rw")));
  // A stick pulled meanwhile is not called read-only: the export then fails with the writer's reason.
  EXPECT_FALSE(etalase::platform::isReadOnlyMount("/no/such/folder"));
}

}  // namespace

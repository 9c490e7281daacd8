/* run.c: run a program through pipes for a test, with a deadline. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "run.h"

extern char **environ;

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

static double
factor(void)
{
	const char *s = getenv("TEST_TIMEOUT_FACTOR");
	double f = s != NULL ? strtod(s, NULL) : 1.0;

	return f >= 1.0 ? f : 1.0;
}

const char *
run_bin(void)
{
	const char *s = getenv("SAFESTEPS_BIN");

	return s != NULL && *s != '\0' ? s : "build/tests/bin/safesteps";
}

/* Append n bytes to a growing buffer. */
static void
append(char **buf, size_t *len, const char *p, size_t n)
{
	char *b = realloc(*buf, *len + n + 1);

	if (b == NULL)
		abort();
	memcpy(b + *len, p, n);
	*len += n;
	b[*len] = '\0';
	*buf = b;
}

/* The child's side: plumbing, environment, exec. */
static void
child(const char *const argv[], const char *const env[], int in, int out,
    int err, const char *stdout_path)
{
	const char *e[256];
	size_t n = 0;
	int has_path = 0, fd;

	if (stdout_path != NULL) {
		fd = open(stdout_path, O_WRONLY);
		if (fd < 0)
			_exit(126);
		out = fd;
	}
	dup2(in, 0);
	dup2(out, 1);
	dup2(err, 2);
	for (fd = 3; fd < 1024; fd++)
		close(fd);
	for (size_t i = 0; env != NULL && env[i] != NULL && n < 254; i++) {
		if (strncmp(env[i], "PATH=", 5) == 0)
			has_path = 1;
		e[n++] = env[i];
	}
	if (!has_path)
		e[n++] = "PATH=/usr/bin:/bin";
	e[n] = NULL;
	signal(SIGPIPE, SIG_DFL);
	execve(argv[0], (char *const *)argv, (char *const *)e);
	_exit(127);
}

int
run_cmd(const char *const argv[], const char *const env[], const char *in,
    size_t inlen, const char *stdout_path, int timeout_ms, struct run_result *r)
{
	int pin[2], pout[2], perr[2];
	struct pollfd fds[3];
	size_t written = 0;
	long deadline;
	char buf[65536];
	pid_t pid;
	ssize_t n;
	int open_fds;

	memset(r, 0, sizeof *r);
	r->status = -1;
	append(&r->out, &r->outlen, "", 0);
	append(&r->err, &r->errlen, "", 0);
	if (pipe(pin) != 0 || pipe(pout) != 0 || pipe(perr) != 0)
		return -1;
	signal(SIGPIPE, SIG_IGN);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0)
		child(argv, env, pin[0], pout[1], perr[1], stdout_path);
	close(pin[0]);
	close(pout[1]);
	close(perr[1]);
	fcntl(pin[1], F_SETFL, O_NONBLOCK);
	if (in == NULL || inlen == 0) {
		close(pin[1]);
		pin[1] = -1;
	}
	deadline = now_ms() + (long)(timeout_ms * factor());
	open_fds = 2;
	while (open_fds > 0 || pin[1] >= 0) {
		long left = deadline - now_ms();

		if (left <= 0)
			break;
		fds[0].fd = pout[0];
		fds[0].events = POLLIN;
		fds[1].fd = perr[0];
		fds[1].events = POLLIN;
		fds[2].fd = pin[1];
		fds[2].events = POLLOUT;
		if (poll(fds, 3, (int)left) < 0 && errno != EINTR)
			break;
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || fds[i].revents == 0)
				continue;
			n = read(fds[i].fd, buf, sizeof buf);
			if (n > 0) {
				if (i == 0)
					append(&r->out, &r->outlen, buf,
					    (size_t)n);
				else
					append(&r->err, &r->errlen, buf,
					    (size_t)n);
			} else {
				close(fds[i].fd);
				if (i == 0)
					pout[0] = -1;
				else
					perr[0] = -1;
				open_fds--;
			}
		}
		if (pin[1] >= 0 && fds[2].revents != 0) {
			n = write(pin[1], in + written, inlen - written);
			if (n > 0)
				written += (size_t)n;
			if (n < 0 && errno != EAGAIN) {
				close(pin[1]);
				pin[1] = -1;
			} else if (written == inlen) {
				close(pin[1]);
				pin[1] = -1;
			}
		}
	}
	if (pin[1] >= 0)
		close(pin[1]);
	if (pout[0] >= 0)
		close(pout[0]);
	if (perr[0] >= 0)
		close(perr[0]);
	while (now_ms() < deadline) {
		int st;
		pid_t w = waitpid(pid, &st, WNOHANG);

		if (w == pid) {
			r->status = st;
			return 0;
		}
		usleep(2000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	r->status = -1;
	return 0;
}

void
run_free(struct run_result *r)
{
	if (r == NULL)
		return;
	free(r->out);
	free(r->err);
	r->out = r->err = NULL;
}

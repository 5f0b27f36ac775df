/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * KVM binary statistics for the benchmarks, by name, from a VM's or a vCPU's
 * stats file descriptor, with a stat the kernel does not have reported
 * as missing: the benchmarks run on kernels with and without the series
 * (nested_exits), and the selftest library's vm_get_stat() leaves such a
 * stat unread and vcpu_get_stat() fails the test.
 */
#ifndef UEXEC_BENCH_STATS_H
#define UEXEC_BENCH_STATS_H

#include <string.h>

#include "kvm_util.h"

struct stats {
	int fd;
	struct kvm_stats_header header;
	struct kvm_stats_desc *desc;
};

static inline void stats_open(struct stats *s, int fd)
{
	s->fd = fd;
	read_stats_header(fd, &s->header);
	s->desc = read_stats_descriptors(fd, &s->header);
}

static inline void stats_close(struct stats *s)
{
	free(s->desc);
	close(s->fd);
}

/* Sets *@val to the stat's value (the sum, for one with several buckets). */
static inline bool stats_get(struct stats *s, const char *name, uint64_t *val)
{
	uint64_t data[64];
	struct kvm_stats_desc *desc;
	int i, j;

	for (i = 0; i < s->header.num_desc; i++) {
		desc = get_stats_descriptor(s->desc, i, &s->header);
		if (strcmp(desc->name, name))
			continue;
		TEST_ASSERT(desc->size <= ARRAY_SIZE(data),
			    "stat %s has %u values", name, desc->size);
		read_stat_data(s->fd, &s->header, desc, data, desc->size);
		*val = 0;
		for (j = 0; j < desc->size; j++)
			*val += data[j];
		return true;
	}
	return false;
}

#endif /* UEXEC_BENCH_STATS_H */

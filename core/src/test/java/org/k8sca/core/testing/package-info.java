/**
 * Test doubles shared by core tests: an in-memory cloud provider and node group, and a clock that
 * moves on every read so that time budgets can be tested without waiting.
 */
package org.k8sca.core.testing;

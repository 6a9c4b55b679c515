/** Test doubles for the app module: an in-memory cloud, a clock tests move, cluster objects. */
package org.k8sca.app.testing;

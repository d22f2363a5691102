/** CSV line splitting shared by the loaders. */
package org.approvalrules.core.csv;

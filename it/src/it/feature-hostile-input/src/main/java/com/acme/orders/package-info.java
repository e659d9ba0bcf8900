@Deprecated
package com.acme.orders;

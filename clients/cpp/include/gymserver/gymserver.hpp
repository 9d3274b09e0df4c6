// The whole GymServer C++ client: protocol 1 (Environment) and protocol 2 (Client, Env, VectorEnv).
#ifndef GYMSERVER_GYMSERVER_HPP
#define GYMSERVER_GYMSERVER_HPP

#include "gymserver/client.hpp"
#include "gymserver/environment.hpp"
#include "gymserver/error.hpp"

#endif  // GYMSERVER_GYMSERVER_HPP

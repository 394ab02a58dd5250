require 'aruba/cucumber'
